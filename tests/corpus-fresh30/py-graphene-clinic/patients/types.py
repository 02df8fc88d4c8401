from graphene_django import DjangoObjectType
import graphene

from labs.models import LabResult

from .loaders import get_loaders
from .models import Appointment, Clinic, Clinician, Patient, Prescription


class ClinicType(DjangoObjectType):
    class Meta:
        model = Clinic
        fields = ("id", "name", "address", "phone")


class ClinicianType(DjangoObjectType):
    full_name = graphene.String()

    class Meta:
        model = Clinician
        fields = ("id", "clinic", "specialty", "registration_number")

    def resolve_full_name(self, info):
        return self.user.get_full_name()


class LabResultType(DjangoObjectType):
    class Meta:
        model = LabResult
        fields = ("id", "code", "name", "value", "unit", "flag", "collected_at")


class PrescriptionType(DjangoObjectType):
    class Meta:
        model = Prescription
        fields = ("id", "drug", "dose", "repeats", "status", "prescriber", "created_at")


class PatientType(DjangoObjectType):
    lab_results = graphene.List(LabResultType)
    prescriptions = graphene.List(PrescriptionType)

    class Meta:
        model = Patient
        fields = ("id", "mrn", "first_name", "last_name", "date_of_birth", "email", "clinic")

    def resolve_lab_results(self, info):
        return get_loaders(info.context).lab_results.load(self.id)

    def resolve_prescriptions(self, info):
        return get_loaders(info.context).prescriptions.load(self.id)


class AppointmentType(DjangoObjectType):
    class Meta:
        model = Appointment
        fields = ("id", "clinician", "patient", "starts_at", "minutes", "status")
