from datetime import datetime, timezone

import pytest
from sqlalchemy import insert, select

from exports.db import audit_log, exports, tenants
from exports.storage import StorageError, download_token_is_valid, sign_download
from exports.tasks import generate_export, purge_tenant_exports, rotate_export_key
from exports.writers import Exporter


def _queue(engine, tenant_id, fmt="csv"):
    with engine.begin() as conn:
        return conn.execute(
            insert(exports)
            .values(tenant_id=tenant_id, format=fmt, status="queued", created_at=datetime.now(timezone.utc))
            .returning(exports.c.id)
        ).scalar_one()


def assert_export_row(engine, export_id, status, rows=None):
    with engine.connect() as conn:
        row = conn.execute(select(exports).where(exports.c.id == export_id)).one()
    assert row.status == status
    if rows is not None:
        assert row.row_count == rows


def test_generate_export_uploads_csv(engine, fake_store, tenant):
    export_id = _queue(engine, tenant)

    key = generate_export.call_local(export_id, "csv")

    body, content_type = fake_store.objects[key]
    assert content_type == "text/csv"
    assert body.decode().splitlines()[0] == "number,total_cents,currency,created_at"
    assert_export_row(engine, export_id, "done", rows=3)


def test_generate_export_marks_failure(engine, fake_store, tenant):
    fake_store.fail = True
    export_id = _queue(engine, tenant, fmt="jsonl")

    with pytest.raises(StorageError):
        generate_export.call_local(export_id, "jsonl")
    assert_export_row(engine, export_id, "failed")


def test_rotate_key_requires_tenant_admin(engine, tenant):
    with pytest.raises(PermissionError):
        rotate_export_key.call_local(tenant, 11)


def test_rotate_key_bumps_version_and_audits(engine, tenant):
    assert rotate_export_key.call_local(tenant, 10) == 2
    with engine.connect() as conn:
        actions = conn.execute(select(audit_log.c.action)).scalars().all()
        version = conn.execute(select(tenants.c.export_key_version)).scalar_one()
    assert actions == ["export_key.rotated"]
    assert version == 2


def test_purge_deletes_objects(engine, fake_store, tenant):
    export_id = _queue(engine, tenant)
    key = generate_export.call_local(export_id)

    assert purge_tenant_exports.call_local(tenant, 10) == 1
    assert fake_store.deleted == [key]


def test_download_token_roundtrip():
    key = b"fixture-key"
    token = sign_download(42, 2_000_000_000, key)
    assert download_token_is_valid(42, 2_000_000_000, token, key, now=1_900_000_000)
    assert not download_token_is_valid(42, 2_000_000_000, token, key, now=2_100_000_000)


def test_base_exporter_is_abstract(tmp_path):
    with (tmp_path / "x").open("w") as fh, pytest.raises(NotImplementedError):
        Exporter(fh).write_rows([])
