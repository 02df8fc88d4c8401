import os

import pytest

os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("SMTP_PASSWORD", "testing")
os.environ.setdefault("STATEMENT_LINK_KEY", "link-key-for-tests")
os.environ.setdefault("PAYOUTS_OPERATOR_TOKEN_SHA256", "0" * 64)
os.environ.setdefault("BANK_API_TOKEN", "bank-token-for-tests")

from procrastinate import testing  # noqa: E402

from payouts.app import app  # noqa: E402


@pytest.fixture
def in_memory_app():
    connector = testing.InMemoryConnector()
    with app.replace_connector(connector) as patched:
        yield patched, connector


@pytest.fixture
def statement_lines():
    return [
        {"date": "2030-01-03", "description": "Order 1001", "amount_cents": 12500},
        {"date": "2030-01-09", "description": "Order 1017", "amount_cents": 4990},
        {"date": "2030-01-12", "description": "Refund 1001", "amount_cents": -2500},
    ]
