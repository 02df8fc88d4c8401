import logging

from flask import request
from flask_jwt_extended import current_user, jwt_required
from flask_restx import Namespace, Resource, fields
from sqlalchemy.exc import IntegrityError

from labsamples.auth import roles_required
from labsamples.extensions import db
from labsamples.models import Instrument, Sample

log = logging.getLogger(__name__)

ns = Namespace("samples", description="Sample registration and results")

SPECIMEN_TYPES = ["blood", "serum", "urine", "swab", "tissue"]

sample_in = ns.model(
    "SampleIn",
    {
        "barcode": fields.String(required=True, pattern=r"^[A-Z0-9-]{6,32}$"),
        "patient_ref": fields.String(required=True),
        "specimen_type": fields.String(required=True, enum=SPECIMEN_TYPES),
    },
)

sample_out = ns.model(
    "Sample",
    {
        "id": fields.Integer,
        "barcode": fields.String,
        "patient_ref": fields.String,
        "specimen_type": fields.String,
        "status": fields.String,
        "received_at": fields.DateTime,
        "batch_id": fields.Integer,
    },
)

status_in = ns.model("SampleStatus", {"status": fields.String(required=True, enum=["received", "rejected"])})

result_in = ns.model(
    "InstrumentResult",
    {"barcode": fields.String(required=True), "values": fields.Raw(required=True)},
)


@ns.route("")
class SampleList(Resource):
    method_decorators = [jwt_required()]

    @ns.marshal_list_with(sample_out)
    def get(self):
        query = Sample.query.order_by(Sample.received_at.desc())
        status = request.args.get("status")
        if status:
            query = query.filter_by(status=status)
        limit = min(request.args.get("limit", 50, type=int), 200)
        return query.limit(limit).all()

    @ns.expect(sample_in, validate=True)
    @ns.marshal_with(sample_out, code=201)
    def post(self):
        payload = request.get_json()
        sample = Sample(
            barcode=payload["barcode"],
            patient_ref=payload["patient_ref"],
            specimen_type=payload["specimen_type"],
            created_by_id=current_user.id,
        )
        db.session.add(sample)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            ns.abort(409, f"Barcode {payload['barcode']} is already registered")
        log.info("sample %s registered by user %s", sample.barcode, current_user.id)
        return sample, 201


@ns.route("/<int:sample_id>")
class SampleItem(Resource):
    method_decorators = [jwt_required()]

    @ns.marshal_with(sample_out)
    def get(self, sample_id):
        return db.get_or_404(Sample, sample_id)

    @roles_required("supervisor", "admin")
    @ns.expect(status_in, validate=True)
    @ns.marshal_with(sample_out)
    def put(self, sample_id):
        sample = db.get_or_404(Sample, sample_id)
        sample.status = request.get_json()["status"]
        db.session.commit()
        return sample

    @roles_required("supervisor", "admin")
    def delete(self, sample_id):
        sample = db.get_or_404(Sample, sample_id)
        if sample.status != "registered":
            ns.abort(409, "Only unprocessed samples can be deleted")
        db.session.delete(sample)
        db.session.commit()
        return "", 204


@ns.route("/results")
class InstrumentResults(Resource):
    """Analyzers post results directly and authenticate with their own key."""

    @ns.expect(result_in, validate=True)
    def post(self):
        serial = request.headers.get("X-Instrument-Serial", "")
        provided = request.headers.get("X-Instrument-Key", "")
        instrument = Instrument.query.filter_by(serial=serial).first()
        if instrument is None or instrument.api_key != provided:
            ns.abort(401, "Unknown instrument")

        payload = request.get_json()
        sample = Sample.query.filter_by(barcode=payload["barcode"]).first_or_404()
        sample.result = {"instrument": instrument.serial, "values": payload["values"]}
        sample.status = "resulted"
        db.session.commit()
        log.info("result for %s received from %s", sample.barcode, instrument.serial)
        return {"barcode": sample.barcode, "status": sample.status}, 200
