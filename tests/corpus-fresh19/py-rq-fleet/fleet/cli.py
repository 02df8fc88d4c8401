from __future__ import annotations

import getpass
import hashlib
import os
import sys
import time
from typing import Annotated

from cyclopts import App, Parameter
from redis import Redis
from rq import Queue, Worker

from fleet import __version__, config, db, jobs, schedule

app = App(name="fleet", help="Fleet maintenance jobs.", version=__version__)
host_app = App(name="host", help="Per-host operations.")
app.command(host_app)


def _cfg() -> config.Config:
    return config.load()


def _queue(cfg: config.Config) -> Queue:
    return Queue(schedule.QUEUE, connection=Redis.from_url(cfg.redis_url))


def _require_operator(cfg: config.Config) -> str:
    token = os.environ.get("FLEET_OPERATOR_TOKEN") or getpass.getpass("operator token: ")
    digest = hashlib.sha256(token.encode("utf-8")).hexdigest()
    if not cfg.operator_token_sha256 or digest != cfg.operator_token_sha256:
        print("operator token rejected", file=sys.stderr)
        raise SystemExit(3)
    return getpass.getuser()


def _wait(job, timeout: int) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = job.get_status(refresh=True)
        if status in ("finished", "failed", "stopped", "canceled"):
            print(f"{job.id}: {status}")
            if status != "finished":
                raise SystemExit(1)
            return
        time.sleep(2)
    print(f"{job.id}: still running after {timeout}s", file=sys.stderr)


@app.command
def worker(burst: bool = False) -> None:
    """Run an RQ worker for the fleet queue."""
    cfg = _cfg()
    Worker([schedule.QUEUE], connection=Redis.from_url(cfg.redis_url)).work(burst=burst)


@app.command
def install_schedule() -> None:
    """(Re)install the cron-style jobs in rq-scheduler."""
    cfg = _cfg()
    _require_operator(cfg)
    ids = schedule.install(cfg)
    print(f"installed {len(ids)} jobs")


@app.command
def status(role: str | None = None) -> None:
    """List hosts and their state."""
    cfg = _cfg()
    for h in db.hosts_by_role(db.engine(cfg.database_url), role):
        print(f"{h['id']:>5}  {h['hostname']:<32} {h['role']:<10} {h['state']}")


@app.command
def sync_inventory(role: str | None = None) -> None:
    """Pull hosts from the inventory service."""
    cfg = _cfg()
    job = _queue(cfg).enqueue(jobs.sync_inventory, role)
    print(f"enqueued {job.id}")


@host_app.command
def drain(host_id: int, *, wait: bool = False) -> None:
    """Stop application services on a host."""
    cfg = _cfg()
    actor = _require_operator(cfg)
    job = _queue(cfg).enqueue(jobs.drain_host, host_id, actor, job_timeout=600)
    print(f"enqueued {job.id}")
    if wait:
        _wait(job, 600)


@host_app.command
def purge(host_id: int, *, yes: Annotated[bool, Parameter(name=["--yes", "-y"])] = False) -> None:
    """Wipe application data on a drained host."""
    cfg = _cfg()
    if not yes:
        print("refusing to purge without --yes", file=sys.stderr)
        raise SystemExit(2)
    job = _queue(cfg).enqueue(jobs.purge_host, host_id, getpass.getuser(), job_timeout=1800)
    print(f"enqueued {job.id}")


@host_app.command
def rebalance(role: str, *, max_moves: int = 5) -> None:
    """Move workloads off the most loaded hosts in a role."""
    raise NotImplementedError("rebalance")


if __name__ == "__main__":
    app()
