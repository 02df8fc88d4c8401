import hashlib
import logging
import secrets
from datetime import datetime

from flask import request
from flask_appbuilder.security.sqla.manager import SecurityManager
from sqlalchemy.exc import SQLAlchemyError

from .models import ApiToken, LoginAudit

log = logging.getLogger(__name__)

API_TOKEN_HEADER = "X-Api-Token"
TOKEN_PREFIX_LEN = 8


def hash_token(raw_token):
    return hashlib.sha256(raw_token.encode("utf-8")).hexdigest()


class WarehouseSecurityManager(SecurityManager):
    """Adds personal API tokens (for scanners and scripts) and login auditing."""

    def create_login_manager(self, app):
        login_manager = super().create_login_manager(app)
        login_manager.request_loader(self._load_user_from_request)
        return login_manager

    def _load_user_from_request(self, req):
        raw = req.headers.get(API_TOKEN_HEADER)
        if not raw:
            return None
        return self.load_user_from_api_token(raw)

    def load_user_from_api_token(self, raw_token):
        token = (
            self.get_session.query(ApiToken)
            .filter_by(token_prefix=raw_token[:TOKEN_PREFIX_LEN], revoked=False)
            .one_or_none()
        )
        if token is None or token.token_hash != hash_token(raw_token):
            return None
        user = self.get_user_by_id(token.user_id)
        if user is None or not user.is_active:
            return None
        token.last_used_on = datetime.utcnow()
        self.get_session.commit()
        return user

    def issue_api_token(self, user, label):
        raw = secrets.token_urlsafe(32)
        self.get_session.add(
            ApiToken(
                user_id=user.id,
                label=label,
                token_prefix=raw[:TOKEN_PREFIX_LEN],
                token_hash=hash_token(raw),
            )
        )
        self.get_session.commit()
        return raw

    def update_user_auth_stat(self, user, success=True):
        super().update_user_auth_stat(user, success)
        try:
            self.get_session.add(
                LoginAudit(
                    user_id=user.id,
                    username=user.username,
                    success=success,
                    remote_addr=request.remote_addr if request else None,
                )
            )
            self.get_session.commit()
        except SQLAlchemyError:
            self.get_session.rollback()
