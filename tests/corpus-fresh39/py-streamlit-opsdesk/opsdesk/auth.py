"""Login through streamlit-authenticator, plus per-page role checks."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit_authenticator as stauth
import yaml

USERS_FILE = Path(__file__).resolve().parent.parent / "users.yaml"

ROLES = ("support", "billing", "admin")


@st.cache_resource
def authenticator() -> stauth.Authenticate:
    with USERS_FILE.open() as fh:
        users = yaml.safe_load(fh)
    cookie = st.secrets["auth"]
    return stauth.Authenticate(
        users["credentials"],
        cookie["cookie_name"],
        cookie["cookie_key"],
        int(cookie.get("cookie_expiry_days", 1)),
    )


def current_user() -> dict:
    return {
        "username": st.session_state.get("username"),
        "name": st.session_state.get("name"),
        "roles": tuple(st.session_state.get("roles") or ()),
        "region": st.session_state.get("region", "eu"),
    }


def has_role(*roles: str) -> bool:
    granted = set(current_user()["roles"])
    return bool(granted & set(roles)) or "admin" in granted


def require_role(*roles: str) -> None:
    """Stop the page unless the signed-in user holds one of ``roles``."""
    if st.session_state.get("authentication_status") is not True:
        st.error("Please sign in.")
        st.stop()
    if not has_role(*roles):
        st.error("You do not have access to this page.")
        st.stop()
