from __future__ import annotations

import hashlib

import pytest
from flask_jwt_extended import create_access_token

from clinic import create_app
from clinic.extensions import db
from clinic.models import Appointment, Device, Invoice, Patient, User


@pytest.fixture()
def app():
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "JWT_SECRET_KEY": "pytest-jwt-secret",
            "PAYMENTS_WEBHOOK_SECRET": "pytest-webhook-secret",
        }
    )
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def staff(app):
    users = {}
    for role in ("vet", "nurse", "reception", "admin"):
        user = User(clinic_id=1, email=f"{role}@clinic.test", name=role.title(), role=role)
        user.set_password("correct horse battery")
        db.session.add(user)
        users[role] = user
    db.session.add(Device(clinic_id=1, name="kiosk", secret_hash=hashlib.sha256(b"kiosk-secret").hexdigest()))
    db.session.commit()
    return users


def auth_headers(user: User) -> dict[str, str]:
    token = create_access_token(identity=str(user.id), additional_claims={"role": user.role, "clinic_id": user.clinic_id})
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture()
def patient(app):
    p = Patient(clinic_id=1, name="Biscuit", species="dog", owner_name="Sam Lee", owner_phone="+44 20 7946 0000")
    db.session.add(p)
    db.session.commit()
    return p


@pytest.fixture()
def paid_invoice(app, staff, patient):
    from datetime import datetime, timezone

    appt = Appointment(
        clinic_id=1, patient_id=patient.id, vet_id=staff["vet"].id, starts_at=datetime.now(timezone.utc), reason="vaccine"
    )
    db.session.add(appt)
    db.session.flush()
    invoice = Invoice(clinic_id=1, appointment_id=appt.id, status="paid", total_cents=5400, payment_ref="pay_123")
    db.session.add(invoice)
    db.session.commit()
    return invoice


def assert_problem(resp, status: int, message: str | None = None) -> None:
    assert resp.status_code == status, resp.get_data(as_text=True)
    body = resp.get_json()
    assert body["code"] == status
    if message is not None:
        assert message in body["message"]
