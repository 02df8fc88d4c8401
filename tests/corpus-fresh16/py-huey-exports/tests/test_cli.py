import pytest
from cleo.testers.command_tester import CommandTester

from exports.cli import build_application


@pytest.fixture
def app():
    return build_application()


class _Result:
    def __init__(self, value):
        self.value = value

    def get(self, blocking=False, timeout=None):
        return self.value


def test_export_command_queues_task(app, tenant, monkeypatch):
    calls = []
    monkeypatch.setattr(
        "exports.cli.generate_export", lambda *args, **kwargs: calls.append((args, kwargs)) or _Result("k")
    )

    tester = CommandTester(app.find("export"))
    tester.execute("acme --format jsonl --gzip")


def test_export_command_rejects_unknown_format(app, tenant):
    tester = CommandTester(app.find("export"))

    status = tester.execute("acme --format xml")

    assert status == 2
    assert "unknown format" in tester.io.fetch_error()


def test_rotate_key_command_prints_version(app, tenant, monkeypatch):
    monkeypatch.setattr("exports.cli.rotate_export_key", lambda tenant_id, user: _Result(7))
    tester = CommandTester(app.find("rotate-key"))

    assert tester.execute("acme --as-user 10") == 0
    assert "now at v7" in tester.io.fetch_output()


def test_verify_link_rejects_garbage(app):
    tester = CommandTester(app.find("verify-link"))
    assert tester.execute("1 4102444800 not-a-token") == 1
