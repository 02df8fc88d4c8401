import os
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

_STATE = tempfile.mkdtemp(prefix="fraudscore-test-")
os.environ.setdefault("FRAUDSCORE_DECISION_DB", os.path.join(_STATE, "decisions.sqlite3"))
os.environ.setdefault("FRAUDSCORE_API_KEYS", "test-key-1,test-key-2")
os.environ.setdefault("FRAUDSCORE_ADMIN_TOKEN", "test-admin-token")
os.environ.setdefault("FEATURE_STORE_TOKEN", "test-feature-token")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import service as service_module  # noqa: E402
from fraudscore.schemas import ScoreResult, Transaction  # noqa: E402


class FakeModel:
    version = "test-7"
    feature_order = ["amount", "card_present", "hour_of_day", "txn_count_1h", "chargebacks_180d"]

    def __init__(self, score=0.6):
        self.score = score
        self.rows = None

    def predict(self, rows):
        self.rows = rows
        return np.full(len(rows), self.score)


class FakeFeatures:
    def __init__(self, features=None):
        self.features = features
        self.calls = []

    @property
    def to_async(self):
        return self

    async def fetch(self, customer_id, as_of=None):
        self.calls.append((customer_id, as_of))
        return self.features


@pytest.fixture
def features():
    return FakeFeatures({"txn_count_1h": 3, "chargebacks_180d": 0})


@pytest.fixture
def scorer(monkeypatch, features):
    monkeypatch.setattr(service_module, "load_scorer", lambda tag: FakeModel())
    monkeypatch.setattr(service_module.FraudScorer.inner, "features", features)
    return service_module.FraudScorer()


def txn(i=1, **overrides):
    data = dict(
        transaction_id=f"tx-{i}",
        customer_id="cus-42",
        amount=129.90,
        currency="eur",
        merchant_category="5732",
        country="de",
        created_at=datetime(2024, 6, 3, 14, 5, tzinfo=timezone.utc),
    )
    data.update(overrides)
    return Transaction(**data)


def assert_valid_result(result, transaction):
    assert isinstance(result, ScoreResult)
    assert result.transaction_id == transaction.transaction_id
    assert 0.0 <= result.score <= 1.0
    assert result.decision in {"approve", "review", "block"}
