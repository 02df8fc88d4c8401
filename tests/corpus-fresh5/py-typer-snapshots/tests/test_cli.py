from unittest import mock

import pytest
from typer.testing import CliRunner

from snapper import cli
from snapper.hypervisor import HypervisorClient, Snapshot

runner = CliRunner()


@pytest.fixture
def hv(monkeypatch):
    fake = mock.create_autospec(HypervisorClient, instance=True)
    fake.list_snapshots.return_value = [Snapshot(id=f"s{i}", volume="vol-1", size_gb=10) for i in range(5)]
    monkeypatch.setattr("snapper.jobs.HypervisorClient", lambda *a, **kw: fake)
    return fake


def test_clean_keeps_newest(hv):
    result = runner.invoke(cli.app, ["clean", "vol-1", "--keep", "2"])
    assert result.exit_code == 0
    assert hv.delete_snapshot.call_count == 3


def test_take_enqueues(monkeypatch):
    q = mock.Mock()
    q.enqueue.return_value.id = "job-123"
    monkeypatch.setattr(cli, "_queue", lambda: q)
    runner.invoke(cli.app, ["take", "vol-1", "--label", "nightly"])


def test_insecure_client_disables_verification():
    client = HypervisorClient("https://lab.invalid", "test-token", insecure=True)
    assert client.session.verify is False

