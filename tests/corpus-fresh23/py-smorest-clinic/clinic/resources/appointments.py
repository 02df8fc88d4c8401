from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from flask import g
from flask.views import MethodView
from flask_jwt_extended import jwt_required
from flask_smorest import Blueprint, abort
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from clinic.auth import current_clinic_id, device_required, role_required
from clinic.extensions import db
from clinic.integrations import send_reminder
from clinic.models import Appointment, Patient
from clinic.schemas import AppointmentSchema, DayQuerySchema

blp = Blueprint("appointments", __name__, url_prefix="/appointments", description="Scheduling")

FRONT_DESK = ("reception", "nurse", "vet", "admin")


@blp.route("/")
class Appointments(MethodView):
    @jwt_required()
    @role_required(*FRONT_DESK)
    @blp.arguments(DayQuerySchema, location="query")
    @blp.response(200, AppointmentSchema(many=True))
    def get(self, args):
        start = datetime.combine(args["day"], time.min, tzinfo=timezone.utc)
        query = (
            select(Appointment)
            .where(Appointment.clinic_id == current_clinic_id())
            .where(Appointment.starts_at >= start, Appointment.starts_at < start + timedelta(days=1))
            .order_by(Appointment.starts_at)
        )
        return db.session.scalars(query).all()

    @jwt_required()
    @role_required(*FRONT_DESK)
    @blp.arguments(AppointmentSchema)
    @blp.response(201, AppointmentSchema)
    def post(self, data):
        patient = db.session.get(Patient, data["patient_id"])
        if patient is None or patient.clinic_id != current_clinic_id():
            abort(404, message="patient not found")
        appointment = Appointment(clinic_id=current_clinic_id(), **data)
        db.session.add(appointment)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            abort(409, message="the vet already has an appointment at that time")
        return appointment


@blp.route("/<int:appointment_id>/remind")
class AppointmentReminder(MethodView):
    @jwt_required()
    @role_required(*FRONT_DESK)
    @blp.response(200, AppointmentSchema)
    def post(self, appointment_id):
        appointment = db.get_or_404(Appointment, appointment_id)
        if appointment.clinic_id != current_clinic_id():
            abort(404)
        send_reminder(appointment, appointment.reminder_channel)
        appointment.reminded_at = datetime.now(timezone.utc)
        db.session.commit()
        return appointment


@blp.route("/<int:appointment_id>/check-in")
class CheckIn(MethodView):
    # Called by the reception kiosk, which has a device key rather than a staff login.
    @device_required
    @blp.response(200, AppointmentSchema)
    def post(self, appointment_id):
        appointment = db.get_or_404(Appointment, appointment_id)
        if appointment.clinic_id != g.device.clinic_id:
            abort(404)
        appointment.checked_in_at = datetime.now(timezone.utc)
        db.session.commit()
        return appointment
