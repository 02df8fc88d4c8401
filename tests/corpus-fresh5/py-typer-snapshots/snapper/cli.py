from __future__ import annotations

from typing import Annotated

import typer
from redis import Redis
from rq import Queue

from . import settings
from .hypervisor import HypervisorClient
from .jobs import snapshot_volume, prune

app = typer.Typer(help="Schedule and manage volume snapshots.")


def _queue() -> Queue:
    return Queue(settings.QUEUE_NAME, connection=Redis.from_url(settings.REDIS_URL))


@app.command()
def take(
    volume: str,
    label: Annotated[str, typer.Option(help="Human label stored with the snapshot")] = "manual",
    retain: Annotated[int, typer.Option(min=1, help="How many snapshots to keep")] = 7,
    wait: Annotated[bool, typer.Option(help="Run inline instead of enqueueing")] = False,
):
    """Take a snapshot of VOLUME."""
    if wait:
        typer.echo(snapshot_volume(volume, label, retain))
        return
    job = _queue().enqueue(snapshot_volume, volume, label, retain, job_timeout=900)
    typer.echo(f"queued {job.id}")


@app.command()
def clean(
    volume: str,
    keep: Annotated[int, typer.Option(min=0)] = 7,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only print what would be deleted")] = False,
):
    """Delete old snapshots of VOLUME, keeping the newest KEEP."""
    removed = prune(volume, keep)
    for snap_id in removed:
        typer.echo(f"deleted {snap_id}")


@app.command()
def restore(
    snapshot_id: str,
    target: str,
    insecure: Annotated[bool, typer.Option("--insecure", help="Skip TLS verification (lab clusters only)")] = False,
):
    """Restore SNAPSHOT_ID onto TARGET volume."""
    HypervisorClient(insecure=insecure).restore(snapshot_id, target)
    typer.echo(f"restored {snapshot_id} -> {target}")


if __name__ == "__main__":
    app()
