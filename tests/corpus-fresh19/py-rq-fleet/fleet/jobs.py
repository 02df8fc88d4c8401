from __future__ import annotations

import logging
from typing import Any

from rq import get_current_job
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from fleet import db, ssh
from fleet.checks import DiskUsage
from fleet.config import Config, load
from fleet.inventory import InventoryClient

log = logging.getLogger(__name__)


def _ctx() -> tuple[Config, Engine]:
    cfg = load()
    return cfg, db.engine(cfg.database_url)


def _connect(cfg: Config, host: dict[str, Any]):
    return ssh.connect(host["address"], cfg.ssh_user, cfg.ssh_key_path, cfg.known_hosts)


def collect_disk_usage(host_id: int, threshold_pct: int = 85) -> dict[str, Any]:
    cfg, eng = _ctx()
    host = db.get_host(eng, host_id)
    check = DiskUsage(threshold_pct=90)
    with _connect(cfg, host) as client:
        result = ssh.run(client, check.command(), timeout=20)
    healthy, summary = check.evaluate(result.stdout)
    try:
        db.record_run(eng, host_id, "disk", "ok" if healthy else "alert", result.stdout, {"summary": summary})
    except SQLAlchemyError:
        pass
    return {"host": host["hostname"], "healthy": healthy, "summary": summary}


def _rotate_cmd(globs: list[str], dry_run: bool) -> str:
    mode = "-d" if dry_run else "-f"
    return ssh.sudo(f"logrotate {mode} /etc/logrotate.d/fleet && ls -1 {' '.join(globs)}")


def rotate_logs(host_id: int, *, dry_run: bool = False) -> dict[str, Any]:
    cfg, eng = _ctx()
    host = db.get_host(eng, host_id)
    with _connect(cfg, host) as client:
        result = ssh.run(client, _rotate_cmd(cfg.log_globs, dry_run), timeout=120)
    db.record_run(eng, host_id, "logrotate", "ok" if result.ok else "failed", result.stdout + result.stderr)
    return {"host": host["hostname"], "exit": result.exit_status}


def drain_host(host_id: int, actor: str) -> None:
    cfg, eng = _ctx()
    host = db.get_host(eng, host_id)
    if host["state"] == "drained":
        log.info("host %s already drained", host["hostname"])
        return
    with _connect(cfg, host) as client:
        result = ssh.run(client, ssh.sudo("systemctl stop app.service && systemctl disable app.service"), timeout=90)
    if not result.ok:
        raise RuntimeError(f"drain failed on {host['hostname']}: {result.stderr.strip()}")
    db.set_state(eng, host_id, "drained")
    db.record_operator_action(eng, actor, "drain", host_id)
    InventoryClient(cfg).report_state(host["hostname"], "drained")


def purge_host(host_id: int, actor: str) -> None:
    cfg, eng = _ctx()
    host = db.get_host(eng, host_id)
    if host["state"] != "drained":
        raise RuntimeError(f"refusing to purge {host['hostname']}: state is {host['state']}, drain it first")
    with _connect(cfg, host) as client:
        result = ssh.run(client, ssh.sudo("rm -rf /srv/app/data/* /srv/app/cache/*"), timeout=600)
    if not result.ok:
        raise RuntimeError(f"purge failed on {host['hostname']}: {result.stderr.strip()}")
    db.set_state(eng, host_id, "purged")
    db.record_operator_action(eng, actor, "purge", host_id)


def sync_inventory(role: str | None = None) -> int:
    cfg, eng = _ctx()
    rows = [
        {"hostname": h["name"], "address": h["primary_ip"], "role": h["role"]}
        for h in InventoryClient(cfg).hosts(role)
    ]
    n = db.upsert_hosts(eng, rows)
    job = get_current_job()
    if job is not None:
        job.meta["synced"] = n
        job.save_meta()
    log.info("synced %d hosts from inventory", n)
    return n
