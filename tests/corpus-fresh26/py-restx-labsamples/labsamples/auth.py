from functools import wraps

from flask import request
from flask_jwt_extended import create_access_token, current_user, verify_jwt_in_request
from flask_restx import Namespace, Resource, abort, fields

ns = Namespace("auth", description="Authentication")

login_model = ns.model(
    "Login",
    {
        "email": fields.String(required=True),
        "password": fields.String(required=True),
    },
)

token_model = ns.model("Token", {"access_token": fields.String, "role": fields.String})


def roles_required(*roles):
    """Require a valid JWT whose user has one of `roles`."""

    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            verify_jwt_in_request()
            if current_user is None or not current_user.active:
                abort(401, "Unknown or inactive user")
            if current_user.role not in roles:
                abort(403, "Insufficient role")
            return fn(*args, **kwargs)

        return wrapper

    return decorator


@ns.route("/login")
class Login(Resource):
    @ns.expect(login_model, validate=True)
    @ns.marshal_with(token_model)
    def post(self):
        from labsamples.models import User

        payload = request.get_json()
        user = User.query.filter_by(email=payload["email"].strip().lower()).first()
        if user is None or not user.active or not user.check_password(payload["password"]):
            abort(401, "Invalid credentials")
        return {"access_token": create_access_token(identity=str(user.id)), "role": user.role}
