"""Operator CLI for the report worker.

Example::

    report-worker enqueue monthly-close --tenant t_42 --out /home/alice/reports
"""
from __future__ import annotations

import click

from .storage import Storage
from .tasks import generate_report, purge_expired


@click.group()
@click.option("--insecure", is_flag=True, help="Skip TLS verification (local MinIO with self-signed cert only).")
@click.pass_context
def main(ctx: click.Context, insecure: bool) -> None:
    ctx.obj = {"storage": Storage(insecure=insecure)}


@main.command()
@click.argument("kind")
@click.option("--tenant", required=True)
@click.option("--format", "fmt", type=click.Choice(["pdf", "html"]), default="pdf")
def enqueue(kind: str, tenant: str, fmt: str) -> None:
    result = generate_report.delay(f"{tenant}-{kind}", kind, fmt=fmt, tenant=tenant)
    click.echo(result.id)


@main.command()
@click.option("--older-than", type=int, default=30, show_default=True)
@click.option("--dry-run", is_flag=True, help="Only report how many rows would be deleted.")
def purge(older_than: int, dry_run: bool) -> None:
    deleted = purge_expired.delay(older_than).get(timeout=120)
    click.echo(f"deleted {deleted} reports")


@main.command("monitor")
@click.option("--port", type=int, default=8089)
def monitor_cmd(port: int) -> None:
    from .monitor import serve

    serve(port)
