import unittest
from unittest import mock

from typer.testing import CliRunner

from dbvault import cli

runner = CliRunner()


class CliTests(unittest.TestCase):
    def test_version(self):
        result = runner.invoke(cli.app, ["version"])
        self.assertEqual(result.exit_code, 0)
        self.assertIn(".", result.stdout)

    def test_restore_rejects_bad_token(self):
        with mock.patch.object(cli, "settings", mock.Mock(approval_secret="s3cr3t-for-tests")):
            result = runner.invoke(
                cli.app, ["restore", "postgres/app/x.dump", "--target", "app_restore", "--approval", "bogus.token"]
            )
        self.assertEqual(result.exit_code, 2)
        self.assertIn("malformed approval token", result.output)

    def test_list_prints_rows(self):
        rows = [("app", "postgres/app/a.dump", __import__("datetime").datetime(2024, 9, 1, 2, 15))]
        with mock.patch.object(cli, "list_snapshots", return_value=rows):
            result = runner.invoke(cli.app, ["list"])
        self.assertEqual(result.exit_code, 0)
        self.assertIn("postgres/app/a.dump", result.stdout)


if __name__ == "__main__":
    unittest.main()
