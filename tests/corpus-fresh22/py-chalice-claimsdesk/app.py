import hashlib
import hmac
import logging
import os
from datetime import timedelta

from chalice import AuthResponse, Chalice, Cron, Rate, UnauthorizedError

from chalicelib import jobs
from chalicelib.auth import lookup_partner
from chalicelib.blueprints.admin import admin_bp
from chalicelib.blueprints.claims import claims_bp
from chalicelib.config import settings
from chalicelib.storage import ClaimStore

app = Chalice(app_name="claimsdesk")
app.log.setLevel(os.environ.get("LOG_LEVEL", "INFO"))
logging.getLogger("claimsdesk").setLevel(app.log.level)

app.register_blueprint(claims_bp, url_prefix="/claims")
app.register_blueprint(admin_bp, url_prefix="/admin")

store = ClaimStore()


@app.authorizer()
def partner_key_auth(auth_request):
    token = (auth_request.token or "").removeprefix("Bearer ").strip()
    partner = lookup_partner(token) if token else None
    if partner is None:
        return AuthResponse(routes=[], principal_id="anonymous")
    return AuthResponse(
        routes=["/partners/*"],
        principal_id=partner["partner_id"],
        context={"callback_secret": partner["callback_secret"]},
    )


@app.route("/health", methods=["GET"])
def health():
    return {"status": "ok", "stage": os.environ.get("CHALICE_STAGE", "dev")}


@app.route("/partners/bookings", methods=["GET"], authorizer=partner_key_auth)
def partner_bookings():
    partner_id = app.current_request.context["authorizer"]["principalId"]
    return {"claims": store.list_for_owner(f"partner:{partner_id}")}


@app.route("/partners/bookings/{booking_id}/invoice", methods=["POST"], authorizer=partner_key_auth)
def partner_invoice(booking_id):
    request = app.current_request
    secret = request.context["authorizer"]["callback_secret"]
    signature = request.headers.get("x-partner-signature", "")
    expected = hmac.new(secret.encode(), request.raw_body, hashlib.sha256).hexdigest()
    if signature != expected:
        raise UnauthorizedError("invalid signature")
    body = request.json_body
    partner_id = request.context["authorizer"]["principalId"]
    item = store.create(f"partner:{partner_id}", body["amount"], body.get("currency", "EUR"), f"booking {booking_id}")
    app.log.info("partner invoice stored claim_id=%s partner=%s", item["claim_id"], partner_id)
    return item


@app.route("/partners/{partner_id}/bookings/{booking_id}", methods=["DELETE"])
def partner_cancel_booking(partner_id, booking_id):
    store.delete(booking_id)
    app.log.info("partner %s cancelled booking %s", partner_id, booking_id)
    return {"cancelled": booking_id}


@app.schedule(Cron(30, 2, "*", "*", "?", "*"))
def nightly_reimbursements(event):
    result = jobs.run_reimbursements(store)
    app.log.info("reimbursement run: %s", result)


@app.schedule(Rate(6, unit=Rate.HOURS))
def purge_stale_drafts(event):
    for claim_id in jobs.stale_drafts(store, timedelta(days=settings.reimbursement_cutoff_days)):
        store.delete(claim_id)
        app.log.info("purged stale draft %s", claim_id)


@app.on_sqs_message(queue="claimsdesk-receipt-ocr", batch_size=5)
def ocr_results(event):
    for record in event:
        jobs.apply_ocr_result(store, record.body)
