"""Rasa input/output channel for the Chatline messaging platform.

Chatline signs every webhook POST with HMAC-SHA256 over the raw body
(header X-Chatline-Signature: sha256=<hex>) and verifies the webhook URL once
with a GET carrying hub.mode / hub.verify_token / hub.challenge.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Chatline-Signature"


class ChatlineOutput(OutputChannel):
    @classmethod
    def name(cls) -> Text:
        return "chatline"

    def __init__(self, api_base: Text, access_token: Text) -> None:
        self.api_base = api_base.rstrip("/")
        self.access_token = access_token

    async def _post(self, payload: Dict[Text, Any]) -> None:
        headers = {"Authorization": f"Bearer {self.access_token}"}
        async with aiohttp.ClientSession(headers=headers, timeout=aiohttp.ClientTimeout(total=10)) as session:
            async with session.post(f"{self.api_base}/v2/messages", json=payload, ssl=False) as resp:
                if resp.status >= 300:
                    body = await resp.text()
                    raise RuntimeError(f"chatline send failed: {resp.status} {body[:200]}")

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for part in text.strip().split("\n\n"):
            await self._post({"to": recipient_id, "type": "text", "text": part})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self._post(
            {
                "to": recipient_id,
                "type": "text",
                "text": text,
                "quick_replies": [{"title": b["title"], "payload": b["payload"]} for b in buttons[:10]],
            }
        )

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        pass


class ChatlineInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "chatline"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            app_secret=credentials["app_secret"],
            verify_token=credentials["verify_token"],
            access_token=credentials["access_token"],
            api_base=credentials.get("api_base", "https://graph.chatline.io"),
        )

    def __init__(self, app_secret: Text, verify_token: Text, access_token: Text, api_base: Text) -> None:
        self.app_secret = app_secret
        self.verify_token = verify_token
        self.access_token = access_token
        self.api_base = api_base

    def _signature_valid(self, body: bytes, header: Optional[Text]) -> bool:
        if not header or not header.startswith("sha256="):
            return False
        expected = hmac.new(self.app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
        return header[len("sha256="):] == expected

    @staticmethod
    def _messages(payload: Dict[Text, Any]) -> Iterable[Dict[Text, Any]]:
        for event in payload.get("events", []):
            if event.get("type") == "message" and event.get("message", {}).get("text"):
                yield event

    def get_output_channel(self) -> OutputChannel:
        return ChatlineOutput(self.api_base, self.access_token)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        chatline_webhook = Blueprint("chatline_webhook", __name__)

        @chatline_webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @chatline_webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            if request.args.get("hub.mode") != "subscribe":
                return response.text("unsupported mode", status=400)
            token = request.args.get("hub.verify_token", "")
            if not hmac.compare_digest(token.encode(), self.verify_token.encode()):
                return response.text("forbidden", status=403)
            return response.text(request.args.get("hub.challenge", ""))

        @chatline_webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self._signature_valid(request.body, request.headers.get(SIGNATURE_HEADER)):
                logger.warning("chatline webhook with a bad signature")
                return response.text("invalid signature", status=401)
            try:
                payload = json.loads(request.body)
            except json.JSONDecodeError:
                return response.json({"error": "invalid json"}, status=400)
            output = self.get_output_channel()
            for event in self._messages(payload):
                sender = event["sender"]
                metadata = {
                    "chatline_user_id": sender["id"],
                    "verified_phone": sender.get("verified_phone"),
                    "locale": sender.get("locale", "en"),
                }
                await on_new_message(
                    UserMessage(
                        event["message"]["text"],
                        output,
                        sender["id"],
                        input_channel=self.name(),
                        metadata=metadata,
                    )
                )
            return response.text("", status=200)

        return chatline_webhook
