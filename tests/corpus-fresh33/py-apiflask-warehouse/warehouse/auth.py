import hmac
import logging

from flask import current_app, g

from .extensions import auth, carrier_auth, db
from .models import ApiToken, User

log = logging.getLogger(__name__)

TOKEN_PREFIX_LEN = 8


@auth.verify_token
def verify_token(token: str) -> User | None:
    if not token or len(token) <= TOKEN_PREFIX_LEN:
        return None
    candidate = db.session.execute(
        db.select(ApiToken).where(
            ApiToken.prefix == token[:TOKEN_PREFIX_LEN],
            ApiToken.revoked_at.is_(None),
        )
    ).scalar_one_or_none()
    if candidate is None:
        return None
    if not hmac.compare_digest(ApiToken.hash(token), candidate.token_hash):
        log.info("token with prefix %s failed verification", token[:TOKEN_PREFIX_LEN])
        return None
    if not candidate.user.active:
        return None
    g.actor_id = candidate.user.id
    return candidate.user


@auth.get_user_roles
def get_user_roles(user: User) -> list[str]:
    return user.roles


@carrier_auth.verify_password
def verify_carrier(username: str, password: str) -> str | None:
    expected_user = current_app.config["CARRIER_CALLBACK_USER"]
    expected_password = current_app.config["CARRIER_CALLBACK_PASSWORD"]
    if not expected_password:
        return None
    if username == expected_user and password == expected_password:
        return username
    return None
