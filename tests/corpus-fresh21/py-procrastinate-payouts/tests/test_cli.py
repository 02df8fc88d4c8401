import hashlib
from unittest import mock

import pytest

from payouts import cli


@pytest.fixture
def operator_env(monkeypatch):
    token = "op-token"
    monkeypatch.setenv("PAYOUTS_OPERATOR_TOKEN", token)
    settings = mock.Mock(operator_token_sha256=hashlib.sha256(token.encode()).hexdigest())
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    return token


def test_operator_check_accepts_matching_token(operator_env):
    assert cli._check_operator()


def test_operator_check_rejects_missing_token(monkeypatch):
    monkeypatch.delenv("PAYOUTS_OPERATOR_TOKEN", raising=False)
    with pytest.raises(cli.OperatorDenied):
        cli._check_operator()


def test_release_requires_operator(monkeypatch):
    monkeypatch.delenv("PAYOUTS_OPERATOR_TOKEN", raising=False)
    with pytest.raises(cli.OperatorDenied):
        cli.Commands().release(batch_id=1)


def test_status_reports_batch(monkeypatch):
    batch = mock.Mock(id=3, status="approved", approved_by="ana")
    conn = mock.AsyncMock()
    with mock.patch.object(cli.db, "connection") as connection, \
            mock.patch.object(cli.db, "get_batch", mock.AsyncMock(return_value=batch)):
        connection.return_value.__aenter__.return_value = conn
        assert cli.Commands().status(3) == {"id": 3, "status": "approved", "approved_by": "ana"}
