from __future__ import annotations

from functools import wraps

from flask import current_app, g, request
from flask.views import MethodView
from flask_jwt_extended import create_access_token, get_jwt, get_jwt_identity, jwt_required
from flask_smorest import Blueprint, abort
from sqlalchemy import select

from clinic.extensions import db
from clinic.models import Device, User
from clinic.schemas import LoginSchema, TokenSchema, UserSchema

blp = Blueprint("auth", __name__, url_prefix="/auth", description="Staff authentication")


def current_clinic_id() -> int:
    return int(get_jwt()["clinic_id"])


def role_required(*roles: str):
    """Must be applied below ``@jwt_required()`` so the token is already verified."""

    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            if get_jwt().get("role") not in roles:
                abort(403, message="insufficient role")
            return fn(*args, **kwargs)

        return wrapper

    return decorator


def device_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        raw = request.headers.get(current_app.config["DEVICE_KEY_HEADER"], "")
        device_id, _, secret = raw.partition(":")
        device = db.session.get(Device, int(device_id)) if device_id.isdigit() else None
        if device is None or not secret or not device.verify_secret(secret):
            abort(401, message="unknown device")
        g.device = device
        return fn(*args, **kwargs)

    return wrapper


@blp.route("/login")
class Login(MethodView):
    @blp.arguments(LoginSchema)
    @blp.response(200, TokenSchema)
    def post(self, creds):
        user = db.session.scalar(select(User).where(User.email == creds["email"].lower()))
        if user is None or not user.check_password(creds["password"]):
            current_app.logger.info("failed login for %s", creds["email"])
            abort(401, message="invalid credentials")
        token = create_access_token(
            identity=str(user.id),
            additional_claims={"role": user.role, "clinic_id": user.clinic_id},
        )
        return {"access_token": token}


@blp.route("/me")
class Me(MethodView):
    @jwt_required()
    @blp.response(200, UserSchema)
    def get(self):
        return db.get_or_404(User, int(get_jwt_identity()))
