from datetime import datetime

import zope.sqlalchemy
from pyramid.authorization import Allow
from sqlalchemy import ForeignKey, String, engine_from_config
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker
from sqlalchemy.types import JSON


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    clinic_id: Mapped[int]
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)


class Patient(Base):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    full_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(32))


class Appointment(Base):
    __tablename__ = "appointments"

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int]
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    starts_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="booked")
    invoice_id: Mapped[str | None] = mapped_column(String(64))
    cancelled_at: Mapped[datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(String(500))

    patient: Mapped[Patient] = relationship(lazy="joined")

    @property
    def __acl__(self):
        return [
            (Allow, f"user:{self.patient.user_id}", "view"),
            (Allow, f"clinic:{self.clinic_id}", ("view", "edit")),
        ]

    def to_dict(self):
        return {
            "id": self.id,
            "starts_at": self.starts_at.isoformat(),
            "status": self.status,
            "patient": self.patient.full_name,
        }


class ApiClient(Base):
    __tablename__ = "api_clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(12), unique=True)
    secret_sha256: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None]


def get_tm_session(session_factory, transaction_manager, request=None):
    dbsession = session_factory(info={"request": request})
    zope.sqlalchemy.register(dbsession, transaction_manager=transaction_manager)
    return dbsession


def includeme(config):
    settings = config.get_settings()
    settings["tm.manager_hook"] = "pyramid_tm.explicit_manager"
    engine = engine_from_config(settings, "sqlalchemy.")
    session_factory = sessionmaker(bind=engine)
    config.registry["dbsession_factory"] = session_factory

    def dbsession(request):
        return get_tm_session(session_factory, request.tm, request=request)

    config.add_request_method(dbsession, reify=True)
