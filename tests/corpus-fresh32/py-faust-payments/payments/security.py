import hashlib
import hmac
import logging
from typing import Any

import faust

from .config import get_settings

log = logging.getLogger(__name__)


def chargeback_digest(secret: str, chargeback_id: str, payment_id: str, amount_minor: int) -> str:
    message = f'{chargeback_id}:{payment_id}:{amount_minor}'.encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def webhook_signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    if not header or not header.startswith('sha256='):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(header.removeprefix('sha256='), expected)


class OpsView(faust.web.View):
    """Base view for operator endpoints: requires ``Authorization: Bearer <ops token>``."""

    async def dispatch(self, request: Any) -> Any:
        supplied = request.headers.get('Authorization', '')
        expected = f'Bearer {get_settings().ops_token}'
        if not hmac.compare_digest(supplied.encode(), expected.encode()):
            log.warning('rejected ops request to %s from %s', request.path, request.remote)
            return self.error(401, 'unauthorized')
        return await super().dispatch(request)
