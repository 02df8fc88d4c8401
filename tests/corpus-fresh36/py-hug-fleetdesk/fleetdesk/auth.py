"""Authentication for the HTTP API.

Staff use a bearer token issued by POST /auth/token (basic credentials). The telematics
provider pushes positions with its own basic credentials.
"""

import hashlib
import hmac
import logging
import secrets
from datetime import timedelta

import bcrypt
import hug
from falcon import HTTPForbidden

from fleetdesk import config
from fleetdesk.db import ApiToken, User, utcnow

log = logging.getLogger(__name__)

ROLE_ORDER = {"driver": 0, "mechanic": 1, "dispatcher": 2, "admin": 3}

# Checked against when the username does not exist, so both paths cost one bcrypt round.
_DUMMY_HASH = bcrypt.hashpw(b"unused", bcrypt.gensalt())


def hash_token(token):
    return hmac.new(config.TOKEN_PEPPER.encode(), token.encode(), hashlib.sha256).hexdigest()


def issue_token(session, user):
    token = secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            user_id=user.id,
            token_hash=hash_token(token),
            expires_at=utcnow() + timedelta(hours=config.TOKEN_TTL_HOURS),
        )
    )
    session.commit()
    return token


def verify_token(token, context):
    if token.startswith("Bearer "):
        token = token[len("Bearer "):]
    session = context["db"]
    row = session.query(ApiToken).filter_by(token_hash=hash_token(token)).one_or_none()
    if row is None or row.revoked or row.expires_at <= utcnow() or not row.user.active:
        return False
    return row.user


def verify_password(username, password, context):
    session = context["db"]
    user = session.query(User).filter_by(username=username, active=True).one_or_none()
    if user is None:
        bcrypt.checkpw(password.encode(), _DUMMY_HASH)
        return False
    if bcrypt.checkpw(password.encode(), user.password_hash.encode()):
        return user
    log.info("failed login for %s", username)
    return False


def verify_webhook(username, password):
    if username == config.WEBHOOK_USER and password == config.WEBHOOK_PASSWORD:
        return {"integration": "trakline"}
    return False


token_auth = hug.authentication.token(verify_token)
basic_auth = hug.authentication.basic(verify_password)
webhook_auth = hug.authentication.basic(verify_webhook)


def require_role(user, minimum):
    if ROLE_ORDER.get(user.role, -1) < ROLE_ORDER[minimum]:
        raise HTTPForbidden(title="forbidden", description=f"this action requires the {minimum} role")
