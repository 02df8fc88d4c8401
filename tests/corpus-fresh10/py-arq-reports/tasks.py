"""Developer and ops tasks: ``invoke --list``."""
from __future__ import annotations

import os

from invoke import Context, task

PYTHON = "/Users/priya.raman/.pyenv/versions/3.11.8/envs/reports/bin/python"


@task
def test(c: Context, k: str = "", verbose: bool = False) -> None:
    """Run the test-suite (-k to filter)."""
    args = ["-q"] if not verbose else ["-vv"]
    if k:
        args += ["-k", k]
    c.run(f"{PYTHON} -m pytest {' '.join(args)}", pty=True)


@task
def worker(c: Context, burst: bool = False) -> None:
    """Start a local worker against REPORTS_REDIS_DSN."""
    flag = "--burst" if burst else ""
    c.run(f"{PYTHON} -m arq reports.worker.WorkerSettings {flag}", pty=True)


SYSTEMD_UNIT = "/etc/systemd/system/report-worker.service"


@task(help={
    "host": "ssh target, e.g. worker-3.prod.internal",
    "ref": "git ref to deploy",
    "force": "deploy even if the worker has jobs in progress",
})
def deploy(c: Context, host: str, ref: str = "main", force: bool = False) -> None:
    """Deploy the worker to one host and restart it."""
    c.run(f"ssh {host} 'cd /srv/report-worker && git fetch --quiet && git checkout {ref}'")
    in_progress = c.run(
        f"ssh {host} 'redis-cli -u $REPORTS_REDIS_DSN zcard arq:in-progress'", hide=True, warn=True
    )
    if in_progress.ok and in_progress.stdout.strip() not in {"", "0"}:
        print(f"note: {in_progress.stdout.strip()} jobs in progress on {host}")
    c.sudo(f"systemctl restart {os.path.basename(SYSTEMD_UNIT)}", hide=True)
    print(f"deployed {ref} to {host}")


@task(help={"insecure": "skip TLS verification (only for the kind cluster)"})
def smoke(c: Context, url: str = "https://reports.staging.internal", insecure: bool = False) -> None:
    """Enqueue a ping job through the API and wait for the result."""
    import httpx

    with httpx.Client(base_url=url, verify=not insecure, timeout=10) as client:
        resp = client.post("/internal/jobs/ping")
        resp.raise_for_status()
        print(resp.json())
