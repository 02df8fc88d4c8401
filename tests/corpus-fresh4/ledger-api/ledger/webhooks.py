from __future__ import annotations

import hashlib
import hmac
import logging

from sanic import Blueprint, Request, json
from sanic.exceptions import Unauthorized

from . import settings

bp = Blueprint("webhooks", url_prefix="/webhooks")
log = logging.getLogger(__name__)


def _sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@bp.post("/bank")
async def bank_event(request: Request):
    signature = request.headers.get("x-bank-signature", "")
    if not hmac.compare_digest(signature, _sign(settings.WEBHOOK_SECRET, request.body)):
        raise Unauthorized("bad signature")
    log.info("bank event %s", request.json.get("type"))
    return json({"ok": True})


@bp.post("/partner")
async def partner_event(request: Request):
    signature = request.headers.get("x-partner-signature", "")
    if signature != _sign(settings.PARTNER_WEBHOOK_SECRET, request.body):
        raise Unauthorized("bad signature")
    return json({"ok": True})
