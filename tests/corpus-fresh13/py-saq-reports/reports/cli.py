"""Operator CLI: ``reports enqueue 42``, ``reports link reports/42/report.html``."""
import asyncio
import logging
import os

from plumbum import cli

from reports.config import load
from reports.signing import sign_link
from reports.worker import queue


class ReportsCli(cli.Application):
    PROGNAME = "reports"
    VERSION = "0.12.2"

    verbose = cli.Flag(["-v", "--verbose"], help="Enable debug logging")

    def main(self, *args):
        logging.basicConfig(level=logging.DEBUG if self.verbose else logging.INFO)
        if args:
            print(f"Unknown command {args[0]!r}")
            return 1
        if not self.nested_command:
            self.help()
            return 1
        return None


@ReportsCli.subcommand("enqueue")
class Enqueue(cli.Application):
    """Queue a report for rendering."""

    fmt = cli.SwitchAttr("--format", cli.Set("html", "csv"), default="html", help="Output format")
    force = cli.Flag("--force", help="Re-render even if a fresh copy already exists in S3")
    quiet = cli.Flag("--no-notify", help="Do not e-mail the owner")

    def main(self, report_id: int):
        job = asyncio.run(
            queue.enqueue("generate_report", report_id=report_id, fmt=self.fmt, notify=not self.quiet, retries=3)
        )
        print(f"queued {job.key if job else 'duplicate'}")


@ReportsCli.subcommand("link")
class Link(cli.Application):
    """Print a signed, expiring download link."""

    ttl = cli.SwitchAttr("--ttl", int, default=3600)

    def main(self, key: str):
        cfg = load()
        base = os.environ.get("REPORT_PUBLIC_URL", "https://reports.acme.example")
        print(sign_link(cfg.link_secret, base, key, ttl=self.ttl))


if __name__ == "__main__":
    ReportsCli.run()
