from __future__ import annotations

from flask.views import MethodView
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_smorest import Blueprint, abort
from sqlalchemy import select

from clinic.auth import current_clinic_id, role_required
from clinic.extensions import db
from clinic.models import Patient, PatientNote
from clinic.schemas import NoteSchema, PatientQuerySchema, PatientSchema

blp = Blueprint("patients", __name__, url_prefix="/patients", description="Patient records")

CLINICAL_STAFF = ("vet", "nurse")
ALL_STAFF = ("vet", "nurse", "reception", "admin")


def apply_filters(query, args):
    if species := args.get("species"):
        query = query.where(Patient.species == species)
    if term := args.get("q"):
        query = query.where(Patient.name.ilike(f"%{term}%") | Patient.owner_name.ilike(f"%{term}%"))
    return query


def _patient_in_clinic(patient_id: int) -> Patient:
    patient = db.session.get(Patient, patient_id)
    if patient is None or patient.clinic_id != current_clinic_id():
        abort(404, message="patient not found")
    return patient


@blp.route("/")
class Patients(MethodView):
    @jwt_required()
    @role_required(*ALL_STAFF)
    @blp.arguments(PatientQuerySchema, location="query")
    @blp.response(200, PatientSchema(many=True))
    def get(self, args):
        query = apply_filters(select(Patient).where(Patient.clinic_id == current_clinic_id()), args)
        return db.session.scalars(query.order_by(Patient.name).limit(200)).all()

    @jwt_required()
    @role_required(*ALL_STAFF)
    @blp.arguments(PatientSchema)
    @blp.response(201, PatientSchema)
    def post(self, data):
        patient = Patient(clinic_id=current_clinic_id(), **data)
        db.session.add(patient)
        db.session.commit()
        return patient


@blp.route("/<int:patient_id>")
class PatientDetail(MethodView):
    @jwt_required()
    @role_required(*ALL_STAFF)
    @blp.response(200, PatientSchema)
    def get(self, patient_id):
        return _patient_in_clinic(patient_id)

    @jwt_required()
    @role_required(*ALL_STAFF)
    @blp.arguments(PatientSchema(partial=True))
    @blp.response(200, PatientSchema)
    def patch(self, data, patient_id):
        patient = _patient_in_clinic(patient_id)
        for key, value in data.items():
            setattr(patient, key, value)
        db.session.commit()
        return patient

    @jwt_required()
    @role_required("vet", "admin")
    @blp.response(204)
    def delete(self, patient_id):
        db.session.delete(_patient_in_clinic(patient_id))
        db.session.commit()


@blp.route("/<int:patient_id>/notes")
class PatientNotes(MethodView):
    @blp.response(200, NoteSchema(many=True))
    def get(self, patient_id):
        patient = db.get_or_404(Patient, patient_id)
        return patient.notes

    @jwt_required()
    @role_required(*CLINICAL_STAFF)
    @blp.arguments(NoteSchema)
    @blp.response(201, NoteSchema)
    def post(self, data, patient_id):
        patient = _patient_in_clinic(patient_id)
        note = PatientNote(patient_id=patient.id, author_id=int(get_jwt_identity()), body=data["body"])
        db.session.add(note)
        db.session.commit()
        return note
