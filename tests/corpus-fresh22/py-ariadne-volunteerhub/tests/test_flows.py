from datetime import datetime, timezone

import pytest

from volunteerhub.flows import nightly
from volunteerhub.services.mailer import _tls_context


class FakeMailer:
    def __init__(self):
        self.outbox: list[tuple[str, str, str]] = []

    async def send(self, to: str, subject: str, body: str) -> None:
        self.outbox.append((to, subject, body))


ROWS = [
    {"volunteer_id": 7, "email": "sam@example.org", "name": "Sam", "title": "Pantry", "location": "Hall",
     "starts_at": datetime(2030, 1, 1, 9, tzinfo=timezone.utc)},
]


async def test_send_reminders_includes_unsubscribe_link():
    mailer = FakeMailer()
    sent = await nightly.send_reminders.fn(mailer, ROWS)
    assert sent == 1
    to, subject, body = mailer.outbox[0]
    assert to == "sam@example.org"
    assert "/unsubscribe/7?t=" in body


def test_tls_context_uses_configured_ca(monkeypatch, tmp_path):
    ca = tmp_path / "ca.pem"
    ca.write_text("not a cert")
    monkeypatch.setattr("volunteerhub.services.mailer.settings", type("S", (), {"smtp_ca_file": str(ca)})())
    with pytest.raises(Exception):
        _tls_context()


async def test_anonymize_inactive_runs(org):
    await nightly.anonymize_inactive.fn(retention_days=0)
