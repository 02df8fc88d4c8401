import contextlib
import hashlib
import logging
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import psycopg2

from .config import settings

logger = logging.getLogger("dbvault.dump")


@dataclass
class DumpResult:
    database: str
    path: Path
    size: int
    md5: str
    started_at: datetime
    finished_at: datetime


def _md5(path, chunk=1024 * 1024):
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


def dump_database(database, out_dir=None):
    out_dir = Path(out_dir or settings.dump_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    target = out_dir / f"{database}-{started:%Y%m%dT%H%M%SZ}.dump"

    cmd = [
        settings.pg_dump_bin,
        "--format=custom",
        "--compress=6",
        "--no-owner",
        f"--host={settings.pg_host}",
        f"--port={settings.pg_port}",
        f"--username={settings.pg_user}",
        f"--file={target}",
        database,
    ]
    logger.info("dumping %s to %s", database, target)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=6 * 3600)
    if proc.returncode != 0:
        target.unlink(missing_ok=True)
        raise RuntimeError(f"pg_dump {database} failed: {proc.stderr.strip()[-2000:]}")

    return DumpResult(
        database=database,
        path=target,
        size=target.stat().st_size,
        md5=_md5(target),
        started_at=started,
        finished_at=datetime.now(timezone.utc),
    )


def record_snapshot(result, key, status="ok"):
    """Write the snapshot into the catalog that the restore tooling reads."""
    with contextlib.suppress(psycopg2.Error):
        with psycopg2.connect(settings.catalog_dsn) as conn, conn.cursor() as cur:
            cur.execute(
                """
                INSERT INTO snapshots (database, s3_key, size_bytes, md5, started_at, finished_at, status)
                VALUES (%s, %s, %s, %s, %s, %s, %s)
                """,
                (result.database, key, result.size, result.md5, result.started_at, result.finished_at, status),
            )


def list_snapshots(database=None):
    with psycopg2.connect(settings.catalog_dsn) as conn, conn.cursor() as cur:
        if database:
            cur.execute(
                "SELECT database, s3_key, finished_at FROM snapshots WHERE database = %s AND status = 'ok'"
                " ORDER BY finished_at DESC",
                (database,),
            )
        else:
            cur.execute(
                "SELECT database, s3_key, finished_at FROM snapshots WHERE status = 'ok' ORDER BY finished_at DESC"
            )
        return cur.fetchall()
