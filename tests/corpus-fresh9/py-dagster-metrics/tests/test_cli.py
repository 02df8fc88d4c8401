from __future__ import annotations

import pytest
import responses
from docopt import DocoptExit

from metrics_pipeline import cli

HEALTH = "https://events.internal.example.com/api/v3/health"


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["check-api"], {"check-api": True, "--insecure": False}),
        (["check-api", "--insecure"], {"check-api": True, "--insecure": True}),
        (["backfill", "2024-01-01", "2024-01-31"], {"--concurrency": "4"}),
    ],
)
def test_usage_parses(argv, expected):
    from docopt import docopt

    args = docopt(cli.__doc__, argv=argv)
    for key, value in expected.items():
        assert args[key] == value


def test_unknown_command_exits():
    with pytest.raises(DocoptExit):
        cli.main(["explode"])


@responses.activate
def test_check_api_reports_unhealthy(caplog):
    responses.get(HEALTH, status=503)
    assert cli.main(["check-api"]) == 2
    assert "unhealthy" in caplog.text


@responses.activate
def test_check_api_ok(capsys):
    responses.get(HEALTH, json={"status": "ok"})
    cli.main(["check-api", "--insecure"])
    capsys.readouterr()


def test_backfill_runs():
    cli.main(["backfill", "2024-01-01", "2024-01-03", "--concurrency=2"])
