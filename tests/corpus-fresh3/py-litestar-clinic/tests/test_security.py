from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException

from clinic.guards import requires_admin, requires_staff
from clinic.security import check_otp, check_password, decode_token, issue_token


class FakeConnection:
    def __init__(self, token: str | None) -> None:
        self.headers = {"authorization": f"Bearer {token}"} if token else {}

        class _State:
            pass

        self.state = _State()


def test_password_roundtrip(staff_user):
    assert check_password(staff_user, "correct horse")
    assert not check_password(staff_user, "wrong")


def test_issued_token_decodes(staff_user):
    # decode_token raises on a bad signature or expiry, which fails the test
    decode_token(issue_token(staff_user))


@given(code=st.text(alphabet="0123456789", min_size=6, max_size=6))
def test_otp_accepts_exact_code(code):
    assert check_otp(code, f"  {code} ")


def test_staff_guard_sets_claims(staff_user):
    conn = FakeConnection(issue_token(staff_user))
    requires_staff(conn, None)
    assert conn.state.claims["email"] == "nurse@example.org"


def test_admin_guard_rejects_nurse(staff_user):
    with pytest.raises(PermissionDeniedException):
        requires_admin(FakeConnection(issue_token(staff_user)), None)


def test_missing_token_is_401():
    with pytest.raises(NotAuthorizedException):
        requires_staff(FakeConnection(None), None)
