import json
from unittest import mock

import pytest

from billing_worker import cli
from billing_worker.notify import WebhookNotifier


def test_sign_produces_envelope():
    env = json.loads(cli._sign({"x": 1}, b"k"))
    assert set(env) == {"data", "sig"}
    assert env["data"] == {"x": 1}


def test_enqueue_invokes_queries(monkeypatch):
    monkeypatch.setenv("LEDGER_TOKEN", "t")
    monkeypatch.setenv("JOB_SIGNING_KEY", "k")
    fake_conn = mock.AsyncMock()
    fake_q = mock.AsyncMock()
    fake_q.enqueue.return_value = [1]
    monkeypatch.setattr(cli, "_queries", mock.AsyncMock(return_value=(fake_conn, fake_q)))
    cli.enqueue("post_invoice", json.dumps({"invoice_id": 1}), priority=5)


def test_purge_requires_dsn(monkeypatch):
    monkeypatch.delenv("LEDGER_TOKEN", raising=False)
    with pytest.raises(KeyError):
        cli.purge(older_than_days=1)


async def test_webhook_notifier_swallows_http_errors():
    client = mock.AsyncMock()
    client.post.side_effect = __import__("httpx").ConnectError("boom")
    notifier = WebhookNotifier("https://hooks.invalid/x", client=client)
    assert await notifier.notify("#billing", "hello") is None
    client.post.assert_awaited_once()
