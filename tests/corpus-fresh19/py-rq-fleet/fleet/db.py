from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Engine

metadata = MetaData()

hosts = Table(
    "hosts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("hostname", String(255), nullable=False, unique=True),
    Column("address", String(64), nullable=False),
    Column("role", String(32), nullable=False),
    Column("state", String(16), nullable=False, server_default="active"),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), onupdate=func.now()),
)

job_runs = Table(
    "job_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("host_id", Integer, nullable=False, index=True),
    Column("job", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("output", Text),
    Column("detail", JSON),
    Column("finished_at", DateTime(timezone=True), server_default=func.now()),
)

operator_actions = Table(
    "operator_actions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("actor", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("host_id", Integer, nullable=False),
    Column("at", DateTime(timezone=True), server_default=func.now()),
)


@lru_cache(maxsize=4)
def engine(url: str) -> Engine:
    return create_engine(url, pool_pre_ping=True, pool_size=5)


def get_host(eng: Engine, host_id: int) -> dict[str, Any]:
    with eng.connect() as conn:
        row = conn.execute(select(hosts).where(hosts.c.id == host_id)).mappings().first()
    if row is None:
        raise LookupError(f"host {host_id} not found")
    return dict(row)


def hosts_by_role(eng: Engine, role: str | None = None) -> list[dict[str, Any]]:
    stmt = select(hosts).order_by(hosts.c.hostname)
    if role:
        stmt = stmt.where(hosts.c.role == role)
    with eng.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def set_state(eng: Engine, host_id: int, state: str) -> None:
    with eng.begin() as conn:
        conn.execute(update(hosts).where(hosts.c.id == host_id).values(state=state))


def record_run(eng: Engine, host_id: int, job: str, status: str, output: str, detail: dict | None = None) -> None:
    with eng.begin() as conn:
        conn.execute(
            insert(job_runs).values(host_id=host_id, job=job, status=status, output=output[-20_000:], detail=detail)
        )


def record_operator_action(eng: Engine, actor: str, action: str, host_id: int) -> None:
    with eng.begin() as conn:
        conn.execute(insert(operator_actions).values(actor=actor, action=action, host_id=host_id))


def upsert_hosts(eng: Engine, rows: Iterable[dict[str, Any]]) -> int:
    rows = list(rows)
    if not rows:
        return 0
    stmt = pg_insert(hosts).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=[hosts.c.hostname],
        set_={"address": stmt.excluded.address, "role": stmt.excluded.role},
    )
    with eng.begin() as conn:
        conn.execute(stmt)
    return len(rows)
