import hashlib
import hmac
import logging

import requests
from flask import current_app, request
from flask_jwt_extended import jwt_required
from flask_restx import Namespace, Resource, fields

from labsamples.auth import roles_required
from labsamples.extensions import db
from labsamples.integrations.reference_lab import ReferenceLabClient
from labsamples.models import Batch, Sample, utcnow

log = logging.getLogger(__name__)

ns = Namespace("batches", description="Batches shipped to the reference lab")

batch_in = ns.model(
    "BatchIn",
    {
        "label": fields.String(required=True),
        "sample_ids": fields.List(fields.Integer, required=True, min_items=1),
    },
)

batch_out = ns.model(
    "Batch",
    {
        "id": fields.Integer,
        "label": fields.String,
        "status": fields.String,
        "sent_at": fields.DateTime,
        "tracking_number": fields.String,
        "sample_count": fields.Integer(attribute=lambda b: len(b.samples)),
    },
)


@ns.route("")
class BatchList(Resource):
    method_decorators = [jwt_required()]

    @ns.marshal_list_with(batch_out)
    def get(self):
        return Batch.query.order_by(Batch.id.desc()).limit(100).all()

    @ns.expect(batch_in, validate=True)
    @ns.marshal_with(batch_out, code=201)
    def post(self):
        payload = request.get_json()
        samples = Sample.query.filter(Sample.id.in_(payload["sample_ids"]), Sample.batch_id.is_(None)).all()
        if len(samples) != len(payload["sample_ids"]):
            ns.abort(409, "Some samples are unknown or already batched")
        batch = Batch(label=payload["label"], samples=samples)
        db.session.add(batch)
        db.session.commit()
        return batch, 201


@ns.route("/<int:batch_id>/dispatch")
class BatchDispatch(Resource):
    method_decorators = [roles_required("supervisor", "admin")]

    @ns.marshal_with(batch_out)
    def post(self, batch_id):
        batch = db.get_or_404(Batch, batch_id)
        if batch.status != "open":
            ns.abort(409, f"Batch is {batch.status}")

        client = ReferenceLabClient.from_config(current_app.config)
        try:
            tracking = client.submit_batch(batch)
        except requests.RequestException:
            # nightly reconciliation re-sends anything the reference lab did not acknowledge
            tracking = None

        batch.status = "sent"
        batch.sent_at = utcnow()
        batch.tracking_number = tracking
        db.session.commit()
        return batch


@ns.route("/<int:batch_id>/relabel")
class BatchRelabel(Resource):
    method_decorators = [roles_required("supervisor", "admin")]

    def post(self, batch_id):
        ns.abort(501, "Bulk relabelling is not supported yet")


@ns.route("/courier-webhook")
class CourierWebhook(Resource):
    """Delivery notifications from the courier, signed with a shared secret."""

    def post(self):
        secret = current_app.config["COURIER_WEBHOOK_SECRET"]
        signature = request.headers.get("X-Courier-Signature", "")
        expected = hmac.new(secret.encode(), request.get_data(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(signature, expected):
            ns.abort(401, "Invalid signature")

        event = request.get_json()
        batch = Batch.query.filter_by(tracking_number=event["tracking_number"]).first()
        if batch is not None and event["status"] == "delivered":
            batch.status = "delivered"
            db.session.commit()
        return {"ok": True}
