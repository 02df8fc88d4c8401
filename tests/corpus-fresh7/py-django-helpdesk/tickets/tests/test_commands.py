from io import StringIO
from unittest import mock

from django.core.management import CommandError, call_command
from django.test import TestCase

from tickets.services.gateway import GatewayError


class SyncRefundsCommandTests(TestCase):
    @mock.patch("tickets.management.commands.sync_refunds.list_refunds", return_value=[])
    def test_reports_summary(self, _list):
        out = StringIO()
        call_command("sync_refunds", "--days", "1", stdout=out)
        self.assertIn("reconciled 0 refunds", out.getvalue())

    @mock.patch("tickets.management.commands.sync_refunds.list_refunds", side_effect=GatewayError("down"))
    def test_gateway_failure_is_a_command_error(self, _list):
        with self.assertRaisesMessage(CommandError, "gateway unavailable"):
            call_command("sync_refunds")

    @mock.patch("tickets.management.commands.sync_refunds.list_refunds", return_value=[])
    def test_dry_run(self, _list):
        call_command("sync_refunds", "--dry-run", stdout=StringIO())
