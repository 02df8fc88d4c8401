from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from clinic.extensions import db


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class User(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(index=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))  # vet | nurse | reception | admin
    password_hash: Mapped[str] = mapped_column(String(255))

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class Device(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(80))
    secret_hash: Mapped[str] = mapped_column(String(64))

    def verify_secret(self, secret: str) -> bool:
        return self.secret_hash == hashlib.sha256(secret.encode()).hexdigest()


class Patient(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(120))
    species: Mapped[str] = mapped_column(String(40))
    owner_name: Mapped[str] = mapped_column(String(120))
    owner_phone: Mapped[str] = mapped_column(String(32))
    owner_email: Mapped[str | None] = mapped_column(String(255))
    notes: Mapped[list[PatientNote]] = relationship(back_populates="patient", order_by="PatientNote.created_at")


class PatientNote(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    body: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    patient: Mapped[Patient] = relationship(back_populates="notes")


class Appointment(db.Model):
    __table_args__ = (UniqueConstraint("vet_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    vet_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    starts_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(255))
    reminder_channel: Mapped[str] = mapped_column(String(10), default="sms")  # sms | email
    reminded_at: Mapped[datetime | None]
    checked_in_at: Mapped[datetime | None]
    patient: Mapped[Patient] = relationship()


class Invoice(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(index=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointment.id"))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | paid | refunded
    total_cents: Mapped[int]
    discount_pct: Mapped[int] = mapped_column(default=0)
    payment_ref: Mapped[str | None] = mapped_column(String(64))
    items: Mapped[list[InvoiceItem]] = relationship(cascade="all, delete-orphan")


class InvoiceItem(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    description: Mapped[str] = mapped_column(String(255))
    quantity: Mapped[int]
    unit_cents: Mapped[int]
