from unittest import mock

from reports.cli import Enqueue, ReportsCli


def test_enqueue_passes_format_and_notify():
    fake_job = mock.Mock(key="saq:job:reports:generate_report:1")
    with mock.patch("reports.cli.queue.enqueue", new=mock.AsyncMock(return_value=fake_job)) as enqueue:
        _, rc = ReportsCli.run(["reports", "enqueue", "--format", "csv", "--no-notify", "42"], exit=False)
    assert rc in (0, None)
    enqueue.assert_awaited_once_with("generate_report", report_id=42, fmt="csv", notify=False, retries=3)


def test_enqueue_help_lists_flags(capsys):
    Enqueue.run(["enqueue", "--help"], exit=False)
    out = capsys.readouterr().out
    assert "--format" in out
    assert "--no-notify" in out
