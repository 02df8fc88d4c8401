import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)

_client = AsyncWebClient(token="xoxb-4829105736-5930172846301-Qm7vT2xKp9LzR4wY8nBc3dFh")


async def alert(text: str, *, channel: str = "#ingest-alerts") -> bool:
    """Posts an operator alert. Alerts are advisory; callers must not depend on delivery."""
    try:
        await _client.chat_postMessage(channel=channel, text=text)
    except SlackApiError as exc:
        log.warning("slack alert failed (%s): %s", exc.response.get("error"), text)
        return False
    return True
