from unittest.mock import AsyncMock, patch

import pytest
from cement import TestApp

from ledger.cli import LedgerCtl


class LedgerCtlTest(TestApp, LedgerCtl):
    class Meta:
        label = "ledgerctl"
        config_files = []
        exit_on_close = False


def assert_rendered(app: LedgerCtlTest, **expected):
    data, _output = app.last_rendered
    for key, value in expected.items():
        assert data[key] == value, f"{key}={data[key]!r}, expected {value!r}"


@pytest.fixture
def pool():
    fake = AsyncMock()
    with patch("ledger.cli.create_pool", AsyncMock(return_value=fake)):
        yield fake


def test_help_lists_commands(capsys):
    with LedgerCtlTest(argv=["--help"]) as app:
        with pytest.raises(SystemExit):
            app.run()
    out = capsys.readouterr().out
    assert "accounts" in out
    assert "doctor" in out


def test_balance_renders_for_viewer(pool):
    with patch("ledger.cli.require_operator", AsyncMock(return_value="mtan")), patch(
        "ledger.cli.balance", AsyncMock(return_value=(1254000, "USD"))
    ):
        with LedgerCtlTest(argv=["accounts", "balance", "acc_ops_usd"]) as app:
            app.run()
            assert_rendered(app, account="acc_ops_usd", balance_minor=1254000, currency="USD")


def test_balance_denied_sets_exit_code(pool):
    from ledger.auth import OperatorDenied

    with patch("ledger.cli.require_operator", AsyncMock(side_effect=OperatorDenied("nope"))):
        with LedgerCtlTest(argv=["accounts", "balance", "acc_ops_usd"]) as app:
            app.run()
            assert app.exit_code == 77
