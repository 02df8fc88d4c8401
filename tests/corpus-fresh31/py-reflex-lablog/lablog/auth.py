import logging
import secrets
from datetime import timedelta

import bcrypt
import reflex as rx
from sqlmodel import select

from .models import LoginSession, User, utcnow
from .settings import get_settings

logger = logging.getLogger(__name__)


def hash_password(password: str) -> bytes:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))


def lookup_session_user(token: str) -> User | None:
    if not token:
        return None
    with rx.session() as session:
        row = session.exec(
            select(User)
            .join(LoginSession, LoginSession.user_id == User.id)
            .where(LoginSession.token == token, LoginSession.expires_at > utcnow())
        ).first()
        return row


class AuthState(rx.State):
    session_token: str = rx.Cookie("", name="lablog_session", same_site="strict", secure=True)
    login_error: str = ""

    def current_user(self) -> User | None:
        return lookup_session_user(self.session_token)

    @rx.var(cache=False)
    def is_authenticated(self) -> bool:
        return self.current_user() is not None

    @rx.var(cache=False)
    def display_name(self) -> str:
        user = self.current_user()
        return user.display_name if user else ""

    def require_login(self):
        if self.current_user() is None:
            return rx.redirect("/login")

    def login(self, form_data: dict):
        email = form_data.get("email", "").strip().lower()
        password = form_data.get("password", "")
        with rx.session() as session:
            user = session.exec(select(User).where(User.email == email)).first()
            if user is None or not bcrypt.checkpw(password.encode(), user.password_hash):
                self.login_error = "Unknown e-mail or wrong password."
                return
            token = secrets.token_urlsafe(32)
            session.add(
                LoginSession(
                    token=token,
                    user_id=user.id,
                    expires_at=utcnow() + timedelta(hours=get_settings().session_hours),
                )
            )
            session.commit()
        self.session_token = token
        self.login_error = ""
        logger.info("login %s", email)
        return rx.redirect("/experiments")

    def logout(self):
        with rx.session() as session:
            row = session.exec(select(LoginSession).where(LoginSession.token == self.session_token)).first()
            if row is not None:
                session.delete(row)
                session.commit()
        self.session_token = ""
        return rx.redirect("/login")
