import contextlib
import logging
import os
from datetime import datetime, timedelta, timezone

from huey import RedisHuey, crontab
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from .config import get_settings
from .db import audit_log, ensure_tenant_admin, exports, get_engine, orders, tenants
from .storage import ObjectStore, file_sha256
from .writers import get_exporter

log = logging.getLogger(__name__)

huey = RedisHuey(
    "exports",
    url=os.environ.get("EXPORTS_REDIS_URL", "redis://localhost:6379/3"),
    immediate=os.environ.get("HUEY_IMMEDIATE") == "1",
)


def _now():
    return datetime.now(timezone.utc)


def _store() -> ObjectStore:
    s = get_settings()
    return ObjectStore(s.bucket_endpoint, s.bucket_name, s.bucket_token)


@huey.task(retries=3, retry_delay=60)
def generate_export(export_id: int, fmt: str = "csv", compress: bool = False) -> str:
    engine = get_engine()
    exporter_cls = get_exporter(fmt)

    with engine.begin() as conn:
        job = conn.execute(select(exports).where(exports.c.id == export_id)).one()
        conn.execute(update(exports).where(exports.c.id == export_id).values(status="running"))

    spool = get_settings().spool_dir
    spool.mkdir(parents=True, exist_ok=True)
    path = spool / f"export-{export_id}.{exporter_cls.extension}"
    key = f"{job.tenant_id}/{export_id}/{path.name}"

    try:
        with engine.connect() as conn, path.open("w", newline="", encoding="utf-8") as fh:
            result = conn.execution_options(stream_results=True).execute(
                select(orders.c.number, orders.c.total_cents, orders.c.currency, orders.c.created_at)
                .where(orders.c.tenant_id == job.tenant_id)
                .order_by(orders.c.id)
            )
            count = exporter_cls(fh).write_rows(result.mappings())
        checksum = file_sha256(path)
        _store().put(key, path, exporter_cls.content_type)
    except Exception as exc:
        log.exception("export %s failed", export_id)
        with engine.begin() as conn:
            conn.execute(
                update(exports).where(exports.c.id == export_id).values(status="failed", error=str(exc)[:500])
            )
        raise
    finally:
        path.unlink(missing_ok=True)

    with engine.begin() as conn:
        conn.execute(
            update(exports)
            .where(exports.c.id == export_id)
            .values(status="done", object_key=key, row_count=count, sha256=checksum, finished_at=_now())
        )

    with contextlib.suppress(SQLAlchemyError):
        with engine.begin() as conn:
            conn.execute(
                insert(audit_log).values(
                    tenant_id=job.tenant_id,
                    actor="worker",
                    action="export.completed",
                    detail={"export_id": export_id, "rows": count, "format": fmt},
                    at=_now(),
                )
            )
    return key


@huey.task()
def rotate_export_key(tenant_id: int, requested_by: int) -> int:
    with get_engine().begin() as conn:
        ensure_tenant_admin(conn, tenant_id, requested_by)
        conn.execute(
            update(tenants)
            .where(tenants.c.id == tenant_id)
            .values(export_key_version=tenants.c.export_key_version + 1)
        )
        version = conn.execute(select(tenants.c.export_key_version).where(tenants.c.id == tenant_id)).scalar_one()
        conn.execute(
            insert(audit_log).values(
                tenant_id=tenant_id,
                actor=str(requested_by),
                action="export_key.rotated",
                detail={"version": version},
                at=_now(),
            )
        )
    return version


@huey.task()
def purge_tenant_exports(tenant_id: int, requested_by: int) -> int:
    with get_engine().begin() as conn:
        keys = conn.execute(
            select(exports.c.object_key).where(exports.c.tenant_id == tenant_id, exports.c.object_key.is_not(None))
        ).scalars().all()
        conn.execute(delete(exports).where(exports.c.tenant_id == tenant_id))
        conn.execute(
            insert(audit_log).values(
                tenant_id=tenant_id,
                actor=str(requested_by),
                action="exports.purged",
                detail={"objects": len(keys)},
                at=_now(),
            )
        )

    store = _store()
    for key in keys:
        store.delete(key)
    return len(keys)


@huey.periodic_task(crontab(minute="0", hour="*/6"))
def expire_old_exports() -> int:
    cutoff = _now() - timedelta(days=get_settings().retention_days)
    engine = get_engine()
    with engine.connect() as conn:
        stale = conn.execute(
            select(exports.c.id, exports.c.object_key).where(
                exports.c.finished_at < cutoff, exports.c.object_key.is_not(None)
            )
        ).all()

    store = _store()
    expired = 0
    for export_id, key in stale:
        try:
            store.delete(key)
        except Exception:
            log.warning("could not delete %s, will retry next run", key, exc_info=True)
            continue
        with engine.begin() as conn:
            conn.execute(update(exports).where(exports.c.id == export_id).values(object_key=None, status="expired"))
        expired += 1
    return expired


@huey.periodic_task(crontab(minute="15", hour="2"))
def reconcile_storage_usage():
    """Compare per-tenant bucket usage with the exports table and flag drift."""
    pass
