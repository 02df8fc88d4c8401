import hashlib
import hmac
import logging

from cliff.command import Command
from cliff.lister import Lister
from cliff.show import ShowOne

from payroll import db, settings
from payroll.actors import reverse_payment, start_run, submit_payment

logger = logging.getLogger(__name__)


def approval_code(run_id: int, approver: str, key: str) -> str:
    return hmac.new(key.encode(), f"{run_id}:{approver}".encode(), hashlib.sha256).hexdigest()[:12]


class StartRun(Command):
    """Compute payslips for every active employee in a pay period."""

    def get_parser(self, prog_name):
        parser = super().get_parser(prog_name)
        parser.add_argument("period_id", type=int)
        parser.add_argument("--bonus", action="store_true", help="Include annual bonuses in this run")
        return parser

    def take_action(self, parsed_args):
        ids = [r["id"] for r in db.fetch_all("SELECT id FROM employees WHERE active ORDER BY id")]
        run_id = db.create_run(parsed_args.period_id, self.app.operator)
        start_run.send(run_id, parsed_args.period_id, ids, parsed_args.bonus)
        self.app.stdout.write(f"run {run_id} started for {len(ids)} employees\n")


class ApproveRun(Command):
    """Approve a computed run. Needs the second-approver code sent to the finance director."""

    def get_parser(self, prog_name):
        parser = super().get_parser(prog_name)
        parser.add_argument("run_id", type=int)
        parser.add_argument("--code", required=True, help="Approval code from the finance director")
        return parser

    def take_action(self, parsed_args):
        key = settings.load().approval_signing_key
        expected = approval_code(parsed_args.run_id, self.app.operator, key)
        if not hmac.compare_digest(parsed_args.code, expected):
            raise RuntimeError("approval code does not match this run and operator")
        db.approve_run(parsed_args.run_id, self.app.operator)
        self.app.stdout.write(f"run {parsed_args.run_id} approved\n")


class ListRuns(Lister):
    """List recent payroll runs."""

    def get_parser(self, prog_name):
        parser = super().get_parser(prog_name)
        parser.add_argument("--limit", type=int, default=20)
        return parser

    def take_action(self, parsed_args):
        rows = db.list_runs(parsed_args.limit)
        columns = ("id", "period_id", "status", "started_by", "approved_by", "created_at")
        return columns, [tuple(r[c] for c in columns) for r in rows]


class ShowPayslip(ShowOne):
    """Show one payslip."""

    def get_parser(self, prog_name):
        parser = super().get_parser(prog_name)
        parser.add_argument("payslip_id", type=int)
        return parser

    def take_action(self, parsed_args):
        slip = db.payslip(parsed_args.payslip_id)
        if slip is None:
            raise LookupError(f"payslip {parsed_args.payslip_id} not found")
        columns = ("id", "full_name", "gross_pence", "tax_pence", "ni_pence", "net_pence")
        return columns, tuple(slip[c] for c in columns)


class ReleasePayments(Command):
    """Queue bank payments for every pending payslip in an approved run."""

    def get_parser(self, prog_name):
        parser = super().get_parser(prog_name)
        parser.add_argument("run_id", type=int)
        return parser

    def take_action(self, parsed_args):
        run = db.fetch_one("SELECT status FROM payroll_runs WHERE id = %s", (parsed_args.run_id,))
        if run is None or run["status"] != "approved":
            raise RuntimeError("only approved runs can be released")
        pending = db.pending_payments(parsed_args.run_id)
        for payment in pending:
            submit_payment.send(payment["id"], payment["payslip_id"])
        logger.info("run %s: %d payments released by %s", parsed_args.run_id, len(pending), self.app.operator)
        self.app.stdout.write(f"{len(pending)} payments queued\n")


class ReversePayment(Command):
    """Recall a payment that was sent in error."""

    def get_parser(self, prog_name):
        parser = super().get_parser(prog_name)
        parser.add_argument("payment_id", type=int)
        parser.add_argument("--reason", required=True)
        return parser

    def take_action(self, parsed_args):
        reverse_payment.send(parsed_args.payment_id, parsed_args.reason)
        self.app.stdout.write(f"reversal of payment {parsed_args.payment_id} queued\n")
