"""reportctl - enqueue and manage tenant reports."""
import argparse
import logging
import sys
from datetime import date

from reports.actors import drop_tenant_reports, generate_report
from reports.auth import requires_operator
from reports.broker import setup_broker

log = logging.getLogger("reportctl")


def cmd_generate(args: argparse.Namespace) -> int:
    month = args.month or date.today().replace(day=1).isoformat()
    for tenant in args.tenant:
        msg = generate_report.send(tenant, month, args.currency)
        print(f"queued {msg.message_id} tenant={tenant} month={month}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from reports import db

    with db.connect() as conn:
        rows = conn.execute(
            "select tenant_id, month, path from generated_reports order by created_at desc limit %s",
            (args.limit,),
        ).fetchall()
    for tenant_id, month, path in rows:
        print(f"{tenant_id}\t{month}\t{path}")
    return 0


@requires_operator
def cmd_requeue_failed(args: argparse.Namespace) -> int:
    from reports import db

    with db.connect() as conn:
        rows = conn.execute("select tenant_id, month from failed_reports where requeued_at is null").fetchall()
        for tenant_id, month in rows:
            generate_report.send(tenant_id, month.isoformat())
        conn.execute("update failed_reports set requeued_at = now() where requeued_at is null")
        conn.commit()
    print(f"requeued {len(rows)} report job(s)")
    return 0


def cmd_drop_tenant(args: argparse.Namespace) -> int:
    msg = drop_tenant_reports.send(args.tenant_id)
    print(f"queued drop of all reports for tenant {args.tenant_id} ({msg.message_id})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reportctl", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--token", help="operator token for privileged commands")
    sub = p.add_subparsers(dest="command", required=True)

    gen = sub.add_parser("generate", help="enqueue monthly reports")
    gen.add_argument("tenant", type=int, nargs="+")
    gen.add_argument("--month", help="first day of month, YYYY-MM-DD (default: current month)")
    gen.add_argument("--currency", default="EUR", choices=["EUR", "USD", "GBP", "CHF"])
    gen.set_defaults(func=cmd_generate)

    st = sub.add_parser("status", help="list recently generated reports")
    st.add_argument("--limit", type=int, default=20)
    st.add_argument("--since", type=date.fromisoformat, help="only reports generated on/after this date")
    st.set_defaults(func=cmd_status)

    rq = sub.add_parser("requeue-failed", help="requeue dead-lettered report jobs")
    rq.set_defaults(func=cmd_requeue_failed)

    drop = sub.add_parser("drop-tenant", help="delete every generated report of a tenant")
    drop.add_argument("tenant_id", type=int)
    drop.set_defaults(func=cmd_drop_tenant)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    setup_broker()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
