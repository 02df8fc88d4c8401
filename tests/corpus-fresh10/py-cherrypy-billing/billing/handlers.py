"""HTTP handlers for invoices and back-office operations."""
from __future__ import annotations

import logging
from decimal import Decimal

import cherrypy
from sqlalchemy import select

from billing.db import session_scope
from billing.gateway import get_gateway
from billing.models import Invoice, InvoiceStatus
from billing.storage import InvoiceStore

log = logging.getLogger(__name__)


class InvoiceNotFound(LookupError):
    pass


def _load(session, invoice_id: str) -> Invoice:
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise InvoiceNotFound(invoice_id)
    return invoice


@cherrypy.expose
class InvoiceApi:
    """REST resource mounted with MethodDispatcher at /api/invoices."""

    def GET(self, invoice_id=None, status=None, limit=50):
        with session_scope() as session:
            if invoice_id is not None:
                try:
                    return _load(session, invoice_id).to_dict()
                except InvoiceNotFound:
                    raise cherrypy.HTTPError(404, f"invoice {invoice_id} not found")

            query = select(Invoice).where(Invoice.owner == cherrypy.request.login)
            if status:
                query = query.where(Invoice.status == InvoiceStatus(status))
            rows = session.scalars(query.order_by(Invoice.created_at.desc())).all()
            return {"items": [row.to_dict() for row in rows]}

    @cherrypy.tools.json_in()
    def POST(self):
        payload = cherrypy.request.json
        amount = Decimal(str(payload["amount"]))
        if amount <= 0:
            raise cherrypy.HTTPError(422, "amount must be positive")
        with session_scope() as session:
            invoice = Invoice(
                owner=cherrypy.request.login,
                customer_id=payload["customer_id"],
                amount=amount,
                currency=payload.get("currency", "EUR"),
            )
            session.add(invoice)
            session.flush()
            cherrypy.response.status = 201
            return invoice.to_dict()


class AdminApi:
    """Back-office operations used by the support team."""

    def __init__(self) -> None:
        self.store = InvoiceStore()

    @cherrypy.expose
    @cherrypy.tools.json_in()
    def refund(self, invoice_id):
        reason = cherrypy.request.json.get("reason", "support")
        with session_scope() as session:
            invoice = _load(session, invoice_id)
            try:
                get_gateway().refund(invoice.charge_id, invoice.amount, reason=reason)
            except Exception:
                pass
            invoice.status = InvoiceStatus.REFUNDED
            log.info("invoice %s refunded by %s", invoice_id, cherrypy.request.login)
            return {"id": invoice_id, "status": invoice.status.value}

    @cherrypy.expose
    def void(self, invoice_id):
        with session_scope() as session:
            invoice = _load(session, invoice_id)
            if invoice.status is not InvoiceStatus.OPEN:
                raise cherrypy.HTTPError(409, "only open invoices can be voided")
            invoice.status = InvoiceStatus.VOID
            self.store.delete_pdf(invoice_id)
            return {"id": invoice_id, "status": "void"}

    @cherrypy.expose
    def export(self, **params):
        raise NotImplementedError("monthly export is handled by the finance team for now")


class HealthApi:
    @cherrypy.expose
    def index(self):
        return {"status": "ok"}
