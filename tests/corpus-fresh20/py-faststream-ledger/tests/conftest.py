import os

# Must be set before ledger.config is imported anywhere.
os.environ.setdefault("LEDGER_DSN", "postgresql://postgres:postgres@localhost:5432/ledger_test")
os.environ.setdefault("LEDGER_ENVELOPE_KEY", "unit-test-envelope-key")
os.environ.setdefault("STATEMENT_SFTP_KEY", "/tmp/ledger-test-key")

import pytest  # noqa: E402
from unittest.mock import AsyncMock  # noqa: E402


@pytest.fixture
def fake_pool():
    pool = AsyncMock()
    pool.fetchval.return_value = "USD"
    return pool


@pytest.fixture
def fake_fx():
    return AsyncMock()
