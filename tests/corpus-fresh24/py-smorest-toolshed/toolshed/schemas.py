from marshmallow import Schema, fields, validate


class ToolSchema(Schema):
    id = fields.Int(dump_only=True)
    name = fields.Str(required=True, validate=validate.Length(min=2, max=120))
    category = fields.Str(required=True)
    serial = fields.Str(required=True, load_only=True)
    condition = fields.Str(validate=validate.OneOf(["new", "good", "worn", "repair"]))
    available = fields.Bool(dump_only=True)


class ToolQueryArgs(Schema):
    q = fields.Str()
    category = fields.Str()
    available_only = fields.Bool(load_default=False)


class CheckoutSchema(Schema):
    tool_id = fields.Int(required=True)


class LoanSchema(Schema):
    id = fields.Int(dump_only=True)
    tool_id = fields.Int()
    member_id = fields.Int()
    checked_out_at = fields.DateTime()
    due_at = fields.DateTime()
    returned_at = fields.DateTime(allow_none=True)
    late_fee_cents = fields.Int()


class MemberSchema(Schema):
    id = fields.Int(dump_only=True)
    name = fields.Str()
    email = fields.Email()
    role = fields.Str()
    balance_cents = fields.Int()


class MemberExportSchema(MemberSchema):
    phone = fields.Str(allow_none=True)
    preferred_channel = fields.Str()
    joined_at = fields.DateTime()


class MemberRoleSchema(Schema):
    role = fields.Str(required=True, validate=validate.OneOf(["member", "staff", "admin"]))


class LoginSchema(Schema):
    email = fields.Email(required=True)
    password = fields.Str(required=True, load_only=True)


class TokenSchema(Schema):
    access_token = fields.Str()


class ResetRequestSchema(Schema):
    email = fields.Email(required=True)


class ResetConfirmSchema(Schema):
    member_id = fields.Int(required=True)
    token = fields.Str(required=True)
    new_password = fields.Str(required=True, validate=validate.Length(min=10))
    confirm_password = fields.Str(required=True)
