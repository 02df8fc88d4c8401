from __future__ import annotations

import secrets
from functools import wraps

from flask import current_app
from flask.views import MethodView
from flask_jwt_extended import create_access_token, get_jwt, get_jwt_identity
from flask_smorest import Blueprint, abort
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db, jwt
from .models import Member, PasswordReset, utcnow
from .notify import email_notifier
from .schemas import LoginSchema, ResetConfirmSchema, ResetRequestSchema, TokenSchema

blp = Blueprint("auth", __name__, description="Sign-in and password reset")


def role_required(*roles: str):
    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            if get_jwt().get("role") not in roles:
                abort(403, message="insufficient role")
            return fn(*args, **kwargs)

        return wrapper

    return decorator


def current_member_id() -> int:
    return int(get_jwt_identity())


@jwt.user_lookup_loader
def load_member(_jwt_header, jwt_data):
    return db.session.get(Member, int(jwt_data["sub"]))


@blp.route("/login")
class Login(MethodView):
    @blp.arguments(LoginSchema)
    @blp.response(200, TokenSchema)
    def post(self, args):
        member = db.session.scalar(select(Member).where(Member.email == args["email"].lower()))
        if member is None or not check_password_hash(member.password_hash, args["password"]):
            abort(401, message="invalid credentials")
        token = create_access_token(identity=str(member.id), additional_claims={"role": member.role})
        return {"access_token": token}


@blp.route("/password-reset")
class PasswordResetRequest(MethodView):
    @blp.arguments(ResetRequestSchema)
    @blp.response(202)
    def post(self, args):
        member = db.session.scalar(select(Member).where(Member.email == args["email"].lower()))
        if member is None:
            return  # same response either way; don't leak which emails exist
        token = secrets.token_urlsafe(32)
        db.session.add(
            PasswordReset(
                member_id=member.id,
                token=token,
                expires_at=utcnow() + current_app.config["PASSWORD_RESET_TTL"],
            )
        )
        db.session.commit()
        link = f"https://toolshed.coop/reset?member={member.id}&token={token}"
        email_notifier().send(member.email, "Reset your Toolshed password", f"Reset link: {link}")


@blp.route("/password-reset/confirm")
class PasswordResetConfirm(MethodView):
    @blp.arguments(ResetConfirmSchema)
    @blp.response(204)
    def post(self, args):
        if args["new_password"] != args["confirm_password"]:
            abort(422, message="passwords do not match")
        reset = db.session.scalar(
            select(PasswordReset)
            .where(PasswordReset.member_id == args["member_id"], PasswordReset.used_at.is_(None))
            .order_by(PasswordReset.created_at.desc())
        )
        if reset is None or reset.expires_at < utcnow():
            abort(400, message="reset link expired")
        if reset.token != args["token"]:
            abort(400, message="reset link invalid")
        member = db.session.get(Member, args["member_id"])
        member.password_hash = generate_password_hash(args["new_password"])
        reset.used_at = utcnow()
        db.session.commit()
