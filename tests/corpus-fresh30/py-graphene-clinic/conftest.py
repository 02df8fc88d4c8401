import datetime

import pytest
from django.contrib.auth.models import Permission, User

from patients.models import Appointment, Clinic, Clinician, Patient


@pytest.fixture
def clinic(db):
    return Clinic.objects.create(name="Harbour Road Surgery")


@pytest.fixture
def clinician(clinic):
    user = User.objects.create_user("dr.okafor", password="not-a-real-password-1")
    for codename in ("view_patient", "add_prescription", "change_prescription", "view_labresult"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return Clinician.objects.create(user=user, clinic=clinic, registration_number="GMC-7712043")


@pytest.fixture
def patient(clinic):
    return Patient.objects.create(
        clinic=clinic, mrn="HR-000481", first_name="Ines", last_name="Albuquerque",
        date_of_birth=datetime.date(1978, 3, 14),
    )


@pytest.fixture
def appointment(clinic, clinician, patient):
    from django.utils import timezone

    return Appointment.objects.create(
        clinic=clinic, clinician=clinician, patient=patient, starts_at=timezone.now(), checkin_code="482913"
    )
