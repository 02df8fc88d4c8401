import logging
import secrets

from flask import request
from flask_restx import Namespace, Resource, fields

from labsamples.auth import roles_required
from labsamples.extensions import db
from labsamples.models import Instrument, User

log = logging.getLogger(__name__)

ns = Namespace("admin", description="User and instrument administration")

ROLES = ["technician", "supervisor", "admin"]

user_out = ns.model(
    "User",
    {"id": fields.Integer, "email": fields.String, "role": fields.String, "active": fields.Boolean},
)
user_in = ns.model(
    "UserIn",
    {
        "email": fields.String(required=True),
        "password": fields.String(required=True, min_length=12),
        "role": fields.String(required=True, enum=ROLES),
    },
)
user_patch = ns.model("UserPatch", {"role": fields.String(enum=ROLES), "active": fields.Boolean})

instrument_out = ns.model("Instrument", {"id": fields.Integer, "serial": fields.String, "name": fields.String})
instrument_in = ns.model("InstrumentIn", {"serial": fields.String(required=True), "name": fields.String(required=True)})
instrument_key = ns.model("InstrumentKey", {"serial": fields.String, "api_key": fields.String})


@ns.route("/users")
class UserList(Resource):
    method_decorators = [roles_required("admin")]

    @ns.marshal_list_with(user_out)
    def get(self):
        return User.query.order_by(User.email).all()

    @ns.expect(user_in, validate=True)
    @ns.marshal_with(user_out, code=201)
    def post(self):
        payload = request.get_json()
        user = User(email=payload["email"].strip().lower(), role=payload["role"])
        user.set_password(payload["password"])
        db.session.add(user)
        db.session.commit()
        return user, 201


@ns.route("/users/<int:user_id>")
class UserItem(Resource):
    method_decorators = [roles_required("admin")]

    @ns.expect(user_patch, validate=True)
    @ns.marshal_with(user_out)
    def patch(self, user_id):
        user = db.get_or_404(User, user_id)
        payload = request.get_json()
        if "role" in payload:
            user.role = payload["role"]
        if "active" in payload:
            user.active = payload["active"]
        db.session.commit()
        log.info("user %s updated: %s", user.id, sorted(payload))
        return user


@ns.route("/instruments")
class InstrumentList(Resource):
    method_decorators = [roles_required("admin")]

    @ns.marshal_list_with(instrument_out)
    def get(self):
        return Instrument.query.order_by(Instrument.serial).all()

    @ns.expect(instrument_in, validate=True)
    @ns.marshal_with(instrument_key, code=201)
    def post(self):
        payload = request.get_json()
        instrument = Instrument(serial=payload["serial"], name=payload["name"], api_key=secrets.token_urlsafe(32))
        db.session.add(instrument)
        db.session.commit()
        return {"serial": instrument.serial, "api_key": instrument.api_key}, 201


@ns.route("/instruments/<int:instrument_id>/key")
class InstrumentKeyRotation(Resource):
    @ns.marshal_with(instrument_key)
    def post(self, instrument_id):
        instrument = db.get_or_404(Instrument, instrument_id)
        instrument.api_key = secrets.token_urlsafe(32)
        db.session.commit()
        log.info("rotated key for instrument %s", instrument.serial)
        return {"serial": instrument.serial, "api_key": instrument.api_key}
