import io
import os
import unittest
from contextlib import redirect_stderr
from unittest import mock

os.environ.setdefault("REPORTS_DB_URL", "postgresql://reports:changeme@localhost:5432/reports_test")

from reports import cli, config, links  # noqa: E402


class ParserTests(unittest.TestCase):
    def test_generate_requires_a_tenant(self):
        with redirect_stderr(io.StringIO()), self.assertRaises(SystemExit) as ctx:
            cli.build_parser().parse_args(["generate"])
        self.assertEqual(ctx.exception.code, 2)

    def test_currency_choices_are_enforced(self):
        with redirect_stderr(io.StringIO()), self.assertRaises(SystemExit):
            cli.build_parser().parse_args(["generate", "1", "--currency", "JPY"])


class OperatorGuardTests(unittest.TestCase):
    @mock.patch.object(config, "OPERATOR_TOKEN", "op-test-token")
    def test_requeue_refuses_without_token(self):
        args = cli.build_parser().parse_args(["requeue-failed"])
        with redirect_stderr(io.StringIO()) as err:
            self.assertEqual(args.func(args), 2)
        self.assertIn("operator token required", err.getvalue())


class LinkTests(unittest.TestCase):
    @mock.patch.object(config, "LINK_SIGNING_KEY", b"unit-test-key")
    def test_round_trip(self):
        url = links.sign_link("7-2024-05-01.html")
        query = dict(part.split("=") for part in url.split("?", 1)[1].split("&"))
        self.assertTrue(links.verify_link("7-2024-05-01.html", int(query["expires"]), query["sig"]))
        self.assertFalse(links.verify_link("8-2024-05-01.html", int(query["expires"]), query["sig"]))


if __name__ == "__main__":
    unittest.main()
