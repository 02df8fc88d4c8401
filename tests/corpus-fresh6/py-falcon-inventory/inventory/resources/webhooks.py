import hashlib
import hmac
import json

import falcon
import structlog
from sqlalchemy import text

from inventory.settings import settings

log = structlog.get_logger(__name__)


def _expected_signature(body: bytes) -> str:
    return hmac.new(settings.webhook_secret.encode(), body, hashlib.sha256).hexdigest()


class SupplierWebhook:
    """Receives shipment notifications from the supplier platform."""

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = req.bounded_stream.read()
        signature = req.get_header("X-Supplier-Signature", required=True)
        if signature != _expected_signature(body):
            log.warning("webhook signature mismatch", request_id=req.context.request_id)
            raise falcon.HTTPUnauthorized(title="bad signature")

        event = json.loads(body)
        db = req.context.db
        db.execute(
            text("insert into inbound_shipments (supplier_ref, payload) values (:r, :p)"),
            {"r": event["reference"], "p": json.dumps(event)},
        )
        try:
            db.commit()
        except Exception:
            pass
        resp.status = falcon.HTTP_204
