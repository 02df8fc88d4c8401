from datetime import datetime, timedelta, timezone

import pytest
import transaction
import webtest

from clinicbook import main
from clinicbook.models import Appointment, Base, Clinic, Doctor, Kiosk, User
from clinicbook.passwords import hash_password
from clinicbook.security import hash_kiosk_key

TEST_SETTINGS = {
    "sqlalchemy.url": "sqlite://",
    "auth.secret": "test-secret-do-not-use",
    "auth.secure_cookie": "false",
    "payments.webhook_secret": "whsec-test",
    "insurance.base_url": "https://insurance.test",
    "insurance.api_key": "test-key",
    "clinicbook.create_schema": "true",
}

KIOSK_KEY = "k1oskt3stk3y"


@pytest.fixture(scope="session")
def app():
    return main({}, **TEST_SETTINGS)


@pytest.fixture
def dbsession(app):
    factory = app.registry["dbsession_factory"]
    session = factory()
    yield session
    session.rollback()
    with transaction.manager:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(table.delete())
    session.close()


@pytest.fixture
def testapp(app, dbsession):
    return webtest.TestApp(app, extra_environ={"HTTP_HOST": "clinicbook.test"})


@pytest.fixture
def seed(dbsession):
    clinic = Clinic(id=1, name="Nord")
    doctor = Doctor(id=1, clinic_id=1, name="Dr. Weiss", specialty="dermatology")
    patient = User(id=10, email="pat@example.com", password_hash=hash_password("pw-patient-1"),
                   full_name="Pat Ient", role="patient")
    other = User(id=11, email="oth@example.com", password_hash=hash_password("pw-other-1"),
                 full_name="Oth Er", role="patient")
    admin = User(id=20, email="admin@example.com", password_hash=hash_password("pw-admin-1"),
                 full_name="Ad Min", role="admin")
    kiosk = Kiosk(id=5, clinic_id=1, label="Lobby", key_hash=hash_kiosk_key(KIOSK_KEY))
    appt = Appointment(id=100, clinic_id=1, doctor_id=1, patient_user_id=10,
                       starts_at=datetime.now(timezone.utc) + timedelta(days=3))
    dbsession.add_all([clinic, doctor, patient, other, admin, kiosk, appt])
    dbsession.commit()
    return {"patient": patient, "other": other, "admin": admin, "appointment": appt}


def login(testapp, email, password):
    return testapp.post_json("/api/session", {"email": email, "password": password}, status=200)
