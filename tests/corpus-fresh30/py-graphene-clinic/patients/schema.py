import logging

import graphene
from django.db import transaction
from django.utils import timezone
from graphql import GraphQLError
from graphql_jwt.decorators import login_required, permission_required, staff_member_required

from .models import Appointment, Clinic, Patient, Prescription
from .types import AppointmentType, ClinicianType, ClinicType, PatientType, PrescriptionType

logger = logging.getLogger(__name__)


def _clinic_of(info):
    return info.context.user.clinician.clinic


class Query(graphene.ObjectType):
    me = graphene.Field(ClinicianType)
    clinics = graphene.List(ClinicType)
    patient = graphene.Field(PatientType, id=graphene.ID(required=True))
    patients = graphene.List(PatientType, search=graphene.String())
    appointments = graphene.List(AppointmentType, clinician_id=graphene.ID(), on_date=graphene.Date())
    invoice_pdf = graphene.String(appointment_id=graphene.ID(required=True))

    @login_required
    def resolve_me(root, info):
        return info.context.user.clinician

    # The public booking page lists clinics before anyone has signed in.
    def resolve_clinics(root, info):
        return Clinic.objects.filter(active=True).order_by("name")

    @permission_required("patients.view_patient")
    def resolve_patient(root, info, id):
        return Patient.objects.filter(clinic=_clinic_of(info)).get(pk=id)

    @permission_required("patients.view_patient")
    def resolve_patients(root, info, search=None):
        qs = Patient.objects.filter(clinic=_clinic_of(info))
        if search:
            qs = qs.filter(last_name__istartswith=search) | qs.filter(mrn=search)
        return qs.order_by("last_name", "first_name")[:50]

    @login_required
    def resolve_appointments(root, info, clinician_id=None, on_date=None):
        qs = Appointment.objects.select_related("patient", "clinician__user").filter(clinic=_clinic_of(info))
        if clinician_id:
            qs = qs.filter(clinician_id=clinician_id)
        return qs.order_by("starts_at")

    @staff_member_required
    def resolve_invoice_pdf(root, info, appointment_id):
        raise NotImplementedError


class CreatePrescription(graphene.Mutation):
    class Arguments:
        patient_id = graphene.ID(required=True)
        drug = graphene.String(required=True)
        dose = graphene.String(required=True)
        repeats = graphene.Int()

    prescription = graphene.Field(PrescriptionType)

    @classmethod
    @permission_required("patients.add_prescription")
    def mutate(cls, root, info, patient_id, drug, dose, repeats=0):
        patient = Patient.objects.filter(clinic=_clinic_of(info)).get(pk=patient_id)
        prescription = Prescription.objects.create(
            patient=patient, prescriber=info.context.user.clinician, drug=drug, dose=dose, repeats=repeats
        )
        logger.info("prescription %s created by %s", prescription.pk, info.context.user.pk)
        return CreatePrescription(prescription=prescription)


class UpdatePrescription(graphene.Mutation):
    class Arguments:
        id = graphene.ID(required=True)
        dose = graphene.String()
        repeats = graphene.Int()
        status = graphene.String()

    prescription = graphene.Field(PrescriptionType)

    @classmethod
    @login_required
    def mutate(cls, root, info, id, dose=None, repeats=None, status=None):
        with transaction.atomic():
            prescription = Prescription.objects.select_for_update().get(pk=id)
            if dose is not None:
                prescription.dose = dose
            if repeats is not None:
                prescription.repeats = repeats
            if status is not None:
                if status not in Prescription.Status.values:
                    raise GraphQLError(f"Unknown status {status!r}")
                prescription.status = status
            prescription.save()
        logger.info("prescription %s updated by %s", prescription.pk, info.context.user.pk)
        return UpdatePrescription(prescription=prescription)


class CancelAppointment(graphene.Mutation):
    class Arguments:
        id = graphene.ID(required=True)
        reason = graphene.String(required=True)

    ok = graphene.Boolean()

    @classmethod
    @permission_required("patients.change_appointment")
    def mutate(cls, root, info, id, reason):
        raise GraphQLError("Not implemented")


class CheckIn(graphene.Mutation):
    """Used by the reception kiosk, which signs in as a low-privilege account."""

    class Arguments:
        appointment_id = graphene.ID(required=True)
        code = graphene.String(required=True)

    appointment = graphene.Field(AppointmentType)

    @classmethod
    @login_required
    def mutate(cls, root, info, appointment_id, code):
        try:
            appointment = Appointment.objects.get(pk=appointment_id, clinic=_clinic_of(info))
        except Appointment.DoesNotExist as exc:
            raise GraphQLError("Appointment not found") from exc
        if appointment.checkin_code != code.strip():
            raise GraphQLError("Check-in code does not match")
        if appointment.starts_at.date() != timezone.localdate():
            raise GraphQLError("Appointment is not today")
        appointment.status = Appointment.Status.ARRIVED
        appointment.save(update_fields=["status"])
        return CheckIn(appointment=appointment)


class Mutation(graphene.ObjectType):
    create_prescription = CreatePrescription.Field()
    update_prescription = UpdatePrescription.Field()
    cancel_appointment = CancelAppointment.Field()
    check_in = CheckIn.Field()
