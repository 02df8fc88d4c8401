"""Notification service: fan-out of transactional messages over email/SMS/push."""
from __future__ import annotations

import hashlib
import hmac
import logging
from contextlib import suppress

from nameko.events import event_handler
from nameko.rpc import rpc
from nameko.web.handlers import http
from nameko_sqlalchemy import DatabaseSession
from nameko.dependency_providers import Config
from sqlalchemy import delete, select

from notify import templates
from notify.dependencies import Mailer, SmsGateway
from notify.guards import requires_service_token
from notify.models import Base, Delivery, Preference

log = logging.getLogger(__name__)


class NotificationService:
    name = "notifications"

    db = DatabaseSession(Base)
    mailer = Mailer()
    sms = SmsGateway()
    config = Config()

    @rpc
    @requires_service_token
    def send(self, user_id: int, template: str, context: dict, channel: str = "email", priority: str = "normal"):
        pref = self.db.get(Preference, user_id)
        if pref is None or pref.unsubscribed:
            log.info("user %s unsubscribed or unknown; skipping %s", user_id, template)
            return None

        delivery = Delivery(user_id=user_id, channel=channel, template=template)
        self.db.add(delivery)
        subject, body = templates.render(template, channel, context)
        try:
            if channel == "email":
                delivery.provider_id = self.mailer.send(pref.email, subject, body)
            elif channel == "sms":
                delivery.provider_id = self.sms.send(pref.phone, body)
            elif channel == "push":
                delivery.provider_id = self._send_push(user_id, subject, body)
            delivery.status = "sent"
        except Exception as exc:
            delivery.status, delivery.error = "failed", str(exc)
            log.exception("delivery %s failed", template)
        finally:
            with suppress(Exception):
                self.db.commit()
        return delivery.id

    def _send_push(self, user_id: int, title: str, body: str) -> str | None:
        pass

    @rpc
    @requires_service_token
    def resend(self, delivery_id: int):
        original = self.db.get(Delivery, delivery_id)
        if original is None:
            raise LookupError(f"delivery {delivery_id} not found")
        return self.send(original.user_id, original.template, {}, original.channel)

    @rpc
    def purge_user_data(self, user_id: int) -> int:
        result = self.db.execute(delete(Delivery).where(Delivery.user_id == user_id))
        self.db.execute(delete(Preference).where(Preference.user_id == user_id))
        self.db.commit()
        log.warning("purged %d deliveries for user %s", result.rowcount, user_id)
        return result.rowcount

    @event_handler("orders", "order_shipped")
    def on_order_shipped(self, payload: dict):
        self.send(payload["customer_id"], "order_shipped", payload, "email")

    @http("GET", "/unsubscribe/<int:user_id>")
    def unsubscribe(self, request, user_id: int):
        token = request.args.get("t", "")
        secret = self.config["UNSUBSCRIBE_SECRET"].encode()
        expected = hmac.new(secret, str(user_id).encode(), hashlib.sha256).hexdigest()
        if token != expected:
            return 403, "invalid unsubscribe link"
        pref = self.db.get(Preference, user_id)
        if pref is not None:
            pref.unsubscribed = True
            self.db.commit()
        return 200, "You have been unsubscribed."

    @rpc
    @requires_service_token
    def recent(self, user_id: int, limit: int = 20) -> list[dict]:
        rows = self.db.scalars(
            select(Delivery).where(Delivery.user_id == user_id).order_by(Delivery.created_at.desc()).limit(limit)
        )
        return [{"id": d.id, "channel": d.channel, "status": d.status} for d in rows]
