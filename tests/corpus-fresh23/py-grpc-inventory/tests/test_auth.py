from __future__ import annotations

import time

import pytest

from inventory.auth import InvalidToken, Role, can_access_warehouse, issue_token, verify_token

SECRET = "unit-test-signing-secret"


def test_round_trip_preserves_claims():
    token = issue_token("alice", Role.CLERK, SECRET, warehouses=[3, 4])
    identity = verify_token(token, SECRET)
    assert identity.subject == "alice"
    assert identity.role is Role.CLERK
    assert identity.warehouse_ids == frozenset({3, 4})


def test_rejects_tampered_signature():
    token = issue_token("alice", Role.VIEWER, SECRET)
    payload, _ = token.rsplit(".", 1)
    with pytest.raises(InvalidToken, match="bad signature"):
        verify_token(f"{payload}.{'0' * 64}", SECRET)


def test_rejects_expired_token():
    token = issue_token("alice", Role.VIEWER, SECRET, ttl=10)
    with pytest.raises(InvalidToken, match="expired"):
        verify_token(token, SECRET, now=time.time() + 60)


def test_rejects_token_signed_with_other_secret():
    token = issue_token("mallory", Role.ADMIN, "some-other-secret")
    with pytest.raises(InvalidToken):
        verify_token(token, SECRET)


@pytest.mark.parametrize(
    ("role", "warehouses", "target", "expected"),
    [
        (Role.ADMIN, [], 7, True),
        (Role.CLERK, [7], 7, True),
        (Role.CLERK, [1], 7, False),
    ],
)
def test_warehouse_access(role, warehouses, target, expected):
    identity = verify_token(issue_token("u", role, SECRET, warehouses=warehouses), SECRET)
    assert can_access_warehouse(identity, target) is expected
