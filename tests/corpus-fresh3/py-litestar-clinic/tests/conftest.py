from __future__ import annotations

import os

import pytest

os.environ.setdefault("DATABASE_URL", "postgresql://test@localhost/clinic_test")
os.environ.setdefault("JWT_SECRET", "unit-test-secret")

# Handy when running the suite from the shared workstation image, where the
# fixtures directory is mounted at /home/ci-runner/clinic-fixtures.
FIXTURE_DIR = os.environ.get("CLINIC_FIXTURES", "/home/ci-runner/clinic-fixtures")


@pytest.fixture
def staff_user():
    from clinic.security import StaffUser, hash_password

    return StaffUser(
        id=7,
        email="nurse@example.org",
        roles=("staff",),
        password_hash="s4lt$" + hash_password("correct horse", "s4lt"),
    )
