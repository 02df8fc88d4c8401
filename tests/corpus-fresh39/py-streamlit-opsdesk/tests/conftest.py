import os
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

TEST_SECRETS = {
    "database_url": "sqlite://",
    "billing_api_url": "https://billing.test/api/v2",
    "billing_api_token": "test-token-not-real",
    "refund_override_code": "4321",
    "refund_limit_cents": "10000",
}


@pytest.fixture
def signed_in():
    """Session state of a signed-in user; pass the roles you need."""

    def _state(at, *roles, username="tester", region="eu"):
        at.session_state["authentication_status"] = True
        at.session_state["username"] = username
        at.session_state["name"] = username.title()
        at.session_state["roles"] = list(roles)
        at.session_state["region"] = region
        for key, value in TEST_SECRETS.items():
            at.secrets[key] = value
        return at

    return _state


@pytest.fixture
def fake_db(monkeypatch):
    calls = {"merged": [], "erased": [], "status": [], "audit": []}
    invoices = pd.DataFrame(
        [
            {"id": "inv-1", "number": "INV-1", "status": "paid", "total_cents": 50000, "currency": "eur", "issued_at": "2024-05-01"},
            {"id": "inv-2", "number": "INV-2", "status": "open", "total_cents": 1200, "currency": "eur", "issued_at": "2024-06-01"},
        ]
    )
    customers = pd.DataFrame([{"id": "c-1", "name": "Acme", "email": "a@acme.test", "region": "eu", "status": "active"}])
    monkeypatch.setattr("opsdesk.db.get_engine", lambda: object())
    monkeypatch.setattr("opsdesk.db.customer_invoices", lambda _e, _cid: invoices)
    monkeypatch.setattr("opsdesk.db.find_customers", lambda _e, _t, _r: customers)
    monkeypatch.setattr("opsdesk.db.merge_customers", lambda _e, k, d: calls["merged"].append((k, d)) or 3)
    monkeypatch.setattr("opsdesk.db.erase_customer", lambda _e, cid: calls["erased"].append(cid))
    monkeypatch.setattr("opsdesk.db.clear_caches", lambda: None)
    monkeypatch.setattr("opsdesk.audit.record", lambda _e, action, subject, **kw: calls["audit"].append((action, subject)))
    return calls
