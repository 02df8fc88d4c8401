from types import SimpleNamespace
from unittest import mock

import pytest

from payroll import commands
from payroll.app import PayrollApp, PermissionDenied


@pytest.fixture
def app():
    a = PayrollApp()
    a.operator = "jdoe"
    a.roles = {"operator"}
    a.stdout = mock.Mock()
    return a


def cmd(cls, app, name):
    return cls(app, None, cmd_name=name)


def test_approve_requires_the_approver_role(app):
    with pytest.raises(PermissionDenied):
        app.prepare_to_run_command(cmd(commands.ApproveRun, app, "run approve"))


def test_read_only_commands_need_no_extra_role(app):
    app.prepare_to_run_command(cmd(commands.ListRuns, app, "run list"))
    assert app.roles == {"operator"}


def test_release_refuses_unapproved_runs(app, mocker):
    mocker.patch.object(commands.db, "fetch_one", return_value={"status": "computing"})
    with pytest.raises(RuntimeError, match="only approved runs"):
        cmd(commands.ReleasePayments, app, "payment release").take_action(SimpleNamespace(run_id=4))


def test_approval_code_must_match(app, mocker):
    approve = mocker.patch.object(commands.db, "approve_run")
    with pytest.raises(RuntimeError):
        cmd(commands.ApproveRun, app, "run approve").take_action(SimpleNamespace(run_id=4, code="000000000000"))
    approve.assert_not_called()


def test_list_runs_returns_columns_and_rows(app, mocker):
    mocker.patch.object(
        commands.db,
        "list_runs",
        return_value=[{"id": 1, "period_id": 3, "status": "approved", "started_by": "a", "approved_by": "b", "created_at": "t"}],
    )
    columns, rows = cmd(commands.ListRuns, app, "run list").take_action(SimpleNamespace(limit=5))
    assert columns[0] == "id"
    assert rows == [(1, 3, "approved", "a", "b", "t")]
