import os
from datetime import datetime, timezone

import pytest
import transaction
from pyramid.authentication import AuthTicket
from webtest import TestApp

from clinic import main
from clinic.models import Appointment, Base, Patient, User, get_tm_session

AUTH_SECRET = "test-secret-not-for-production"

TEST_SETTINGS = {
    "sqlalchemy.url": "sqlite:///:memory:",
    "auth.secret": AUTH_SECRET,
    "billing.url": "https://billing.invalid",
    "sms.enabled": "false",
    "sms.url": "https://sms.invalid",
}


@pytest.fixture(scope="session")
def app():
    os.environ.setdefault("CLINIC_BILLING_TOKEN", "test-billing-token")
    os.environ.setdefault("CLINIC_WEBHOOK_SECRET", "whsec-test-fixture")
    wsgi = main({}, **TEST_SETTINGS)
    engine = wsgi.registry["dbsession_factory"].kw["bind"]
    Base.metadata.create_all(engine)
    return wsgi


@pytest.fixture
def tm():
    tm = transaction.TransactionManager(explicit=True)
    tm.begin()
    yield tm
    tm.abort()


@pytest.fixture
def dbsession(app, tm):
    return get_tm_session(app.registry["dbsession_factory"], tm)


@pytest.fixture
def testapp(app, tm, dbsession):
    return TestApp(
        app,
        extra_environ={
            "HTTP_HOST": "clinic.test",
            "wsgi.url_scheme": "https",
            "tm.active": True,
            "tm.manager": tm,
            "app.dbsession": dbsession,
        },
    )


@pytest.fixture
def login(testapp, dbsession):
    def _login(roles=("staff",), clinic_id=1):
        user = User(email=f"{'-'.join(roles)}@clinic.test", clinic_id=clinic_id, roles=list(roles))
        dbsession.add(user)
        dbsession.flush()
        ticket = AuthTicket(AUTH_SECRET, user.id, "0.0.0.0", hashalg="sha512")
        testapp.set_cookie("auth_tkt", ticket.cookie_value())
        return user

    return _login


@pytest.fixture
def make_appointment(dbsession):
    def _make(starts_at, clinic_id=1, status="booked", invoice_id=None):
        patient = Patient(full_name="Ada Patient", phone="+4915100000000")
        dbsession.add(patient)
        dbsession.flush()
        appt = Appointment(
            clinic_id=clinic_id,
            patient_id=patient.id,
            starts_at=starts_at.replace(tzinfo=timezone.utc),
            status=status,
            invoice_id=invoice_id,
        )
        dbsession.add(appt)
        dbsession.flush()
        return appt

    return _make


@pytest.fixture
def noon():
    return datetime(2030, 1, 2, 12, 0)
