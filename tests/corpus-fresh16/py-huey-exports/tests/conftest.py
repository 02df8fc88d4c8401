import os
from datetime import datetime, timezone

import pytest

os.environ.setdefault("HUEY_IMMEDIATE", "1")
os.environ.setdefault("EXPORTS_DATABASE_URL", "sqlite+pysqlite:///:memory:")
os.environ.setdefault("EXPORTS_BUCKET_TOKEN", "test-bucket-token")
os.environ.setdefault("EXPORTS_SIGNING_KEY", "test-signing-key-0123456789")

from sqlalchemy import create_engine, insert  # noqa: E402
from sqlalchemy.pool import StaticPool  # noqa: E402

from exports import db as db_module  # noqa: E402
from exports.config import get_settings  # noqa: E402
from exports.db import memberships, metadata, orders, tenants  # noqa: E402


class FakeStore:
    def __init__(self):
        self.objects = {}
        self.deleted = []
        self.fail = False

    def put(self, key, path, content_type):
        if self.fail:
            from exports.storage import StorageError

            raise StorageError("simulated outage")
        self.objects[key] = (path.read_bytes(), content_type)
        return key

    def delete(self, key):
        self.deleted.append(key)
        self.objects.pop(key, None)


@pytest.fixture
def engine(monkeypatch, tmp_path):
    monkeypatch.setenv("EXPORTS_SPOOL_DIR", str(tmp_path / "spool"))
    get_settings.cache_clear()
    eng = create_engine("sqlite+pysqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    metadata.create_all(eng)
    monkeypatch.setattr(db_module, "_engine", eng)
    yield eng
    get_settings.cache_clear()


@pytest.fixture
def fake_store(monkeypatch):
    store = FakeStore()
    monkeypatch.setattr("exports.tasks._store", lambda: store)
    return store


@pytest.fixture
def tenant(engine):
    with engine.begin() as conn:
        tenant_id = conn.execute(
            insert(tenants).values(slug="acme", name="Acme GmbH", export_key_version=1).returning(tenants.c.id)
        ).scalar_one()
        conn.execute(insert(memberships), [
            {"tenant_id": tenant_id, "user_id": 10, "role": "admin"},
            {"tenant_id": tenant_id, "user_id": 11, "role": "member"},
        ])
        conn.execute(insert(orders), [
            {"tenant_id": tenant_id, "number": f"A-{i}", "total_cents": 1000 * i, "currency": "EUR",
             "created_at": datetime(2024, 5, i, tzinfo=timezone.utc)}
            for i in range(1, 4)
        ])
    return tenant_id
