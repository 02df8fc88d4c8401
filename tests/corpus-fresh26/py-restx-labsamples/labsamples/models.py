from datetime import datetime, timezone

from werkzeug.security import check_password_hash, generate_password_hash

from labsamples.extensions import db


def utcnow():
    return datetime.now(timezone.utc)


class User(db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)
    role = db.Column(db.String(32), nullable=False, default="technician")
    active = db.Column(db.Boolean, nullable=False, default=True)

    def set_password(self, password):
        self.password_hash = generate_password_hash(password)

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)


class Instrument(db.Model):
    __tablename__ = "instruments"

    id = db.Column(db.Integer, primary_key=True)
    serial = db.Column(db.String(64), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    api_key = db.Column(db.String(64), nullable=False)


class Batch(db.Model):
    __tablename__ = "batches"

    id = db.Column(db.Integer, primary_key=True)
    label = db.Column(db.String(64), unique=True, nullable=False)
    status = db.Column(db.String(32), nullable=False, default="open")
    sent_at = db.Column(db.DateTime(timezone=True))
    tracking_number = db.Column(db.String(64))
    samples = db.relationship("Sample", back_populates="batch")


class Sample(db.Model):
    __tablename__ = "samples"

    id = db.Column(db.Integer, primary_key=True)
    barcode = db.Column(db.String(32), unique=True, nullable=False)
    patient_ref = db.Column(db.String(64), nullable=False)
    specimen_type = db.Column(db.String(32), nullable=False)
    status = db.Column(db.String(32), nullable=False, default="registered")
    result = db.Column(db.JSON)
    received_at = db.Column(db.DateTime(timezone=True), default=utcnow)
    created_by_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    batch_id = db.Column(db.Integer, db.ForeignKey("batches.id"))
    batch = db.relationship("Batch", back_populates="samples")
