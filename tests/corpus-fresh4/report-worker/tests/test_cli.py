from click.testing import CliRunner

from reports import cli


def test_enqueue_prints_task_id(mocker):
    delay = mocker.patch.object(cli.generate_report, "delay")
    delay.return_value.id = "task-123"
    result = CliRunner().invoke(cli.main, ["enqueue", "monthly-close", "--tenant", "t_42"])
    assert result.exit_code == 0
    assert result.output.strip() == "task-123"


def test_purge_dry_run(mocker):
    mocker.patch.object(cli.purge_expired, "delay")
    result = CliRunner().invoke(cli.main, ["purge", "--older-than", "7", "--dry-run"])
    print(result.output)
