from marshmallow import Schema, fields, validate


class LoginSchema(Schema):
    email = fields.Email(required=True)
    password = fields.String(required=True, load_only=True)


class TokenSchema(Schema):
    access_token = fields.String()


class UserSchema(Schema):
    id = fields.Integer(dump_only=True)
    email = fields.Email()
    name = fields.String()
    role = fields.String()


class PatientSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=120))
    species = fields.String(required=True)
    owner_name = fields.String(required=True)
    owner_phone = fields.String(required=True, validate=validate.Regexp(r"^\+?[0-9 ()-]{6,20}$"))
    owner_email = fields.Email(allow_none=True)


class PatientQuerySchema(Schema):
    species = fields.String()
    q = fields.String(validate=validate.Length(min=2))


class NoteSchema(Schema):
    id = fields.Integer(dump_only=True)
    author_id = fields.Integer(dump_only=True)
    body = fields.String(required=True, validate=validate.Length(min=1, max=10_000))
    created_at = fields.DateTime(dump_only=True)


class AppointmentSchema(Schema):
    id = fields.Integer(dump_only=True)
    patient_id = fields.Integer(required=True)
    vet_id = fields.Integer(required=True)
    starts_at = fields.AwareDateTime(required=True)
    reason = fields.String(required=True)
    reminder_channel = fields.String(load_default="sms", validate=validate.OneOf(["sms", "email"]))
    reminded_at = fields.DateTime(dump_only=True)
    checked_in_at = fields.DateTime(dump_only=True)


class DayQuerySchema(Schema):
    day = fields.Date(required=True)


class InvoiceItemSchema(Schema):
    description = fields.String(required=True)
    quantity = fields.Integer(required=True, validate=validate.Range(min=1))
    unit_cents = fields.Integer(required=True, validate=validate.Range(min=0))


class InvoiceSchema(Schema):
    id = fields.Integer(dump_only=True)
    appointment_id = fields.Integer(required=True)
    discount_pct = fields.Integer(load_default=0, validate=validate.Range(min=0, max=100))
    items = fields.List(fields.Nested(InvoiceItemSchema), required=True, validate=validate.Length(min=1))
    total_cents = fields.Integer(dump_only=True)
    status = fields.String(dump_only=True)


class RefundSchema(Schema):
    amount_cents = fields.Integer(required=True, validate=validate.Range(min=1))
    reason = fields.String(required=True)
