from typing import Protocol

import requests

from . import config, log, secrets

logger = log.get(__name__)


class Notifier(Protocol):
    def send(self, text: str, *, thread: str | None = None) -> None: ...


class ChatWebhookNotifier:
    def __init__(self, webhook_url: str | None = None, timeout: float = 10.0):
        self._url = webhook_url
        self._timeout = timeout

    def _webhook(self) -> str:
        if self._url is None:
            self._url = secrets.get(config.CHAT_WEBHOOK_SECRET_ID)
        return self._url

    def send(self, text: str, *, thread: str | None = None) -> None:
        payload = {"text": text}
        params = {}
        if thread:
            payload["thread"] = {"threadKey": thread}
            params["messageReplyOption"] = "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"
        response = requests.post(self._webhook(), json=payload, params=params, timeout=self._timeout)
        response.raise_for_status()


def approval_request_text(expense: dict, submitter: str) -> str:
    amount = expense["amount_cents"] / 100
    return (
        f"*{submitter}* submitted {amount:.2f} {expense['currency']} ({expense['category']}).\n"
        f"Note: {expense.get('note') or '-'}\n"
        f"Approve or reject in the expenses app: expense `{expense['id']}`"
    )
