from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    select,
)
from sqlalchemy.engine import Connection, Engine

from .config import get_settings

metadata = MetaData()

tenants = Table(
    "tenants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("export_key_version", Integer, nullable=False, default=1),
)

memberships = Table(
    "memberships",
    metadata,
    Column("tenant_id", ForeignKey("tenants.id"), primary_key=True),
    Column("user_id", Integer, primary_key=True),
    Column("role", String(16), nullable=False),
)

orders = Table(
    "orders",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False, index=True),
    Column("number", String(32), nullable=False),
    Column("total_cents", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

exports = Table(
    "exports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("format", String(8), nullable=False),
    Column("status", String(16), nullable=False, default="queued"),
    Column("object_key", String(300)),
    Column("row_count", Integer),
    Column("sha256", String(64)),
    Column("error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(64), nullable=False),
    Column("detail", JSON),
    Column("at", DateTime(timezone=True), nullable=False),
)

_engine: Engine | None = None


def get_engine() -> Engine:
    global _engine
    if _engine is None:
        _engine = create_engine(get_settings().database_url, pool_pre_ping=True)
    return _engine


def ensure_tenant_admin(conn: Connection, tenant_id: int, user_id: int) -> None:
    role = conn.execute(
        select(memberships.c.role).where(
            memberships.c.tenant_id == tenant_id, memberships.c.user_id == user_id
        )
    ).scalar_one_or_none()
    if role != "admin":
        raise PermissionError(f"user {user_id} is not an admin of tenant {tenant_id}")


def tenant_id_for_slug(conn: Connection, slug: str) -> int:
    tenant_id = conn.execute(select(tenants.c.id).where(tenants.c.slug == slug)).scalar_one_or_none()
    if tenant_id is None:
        raise LookupError(f"unknown tenant {slug!r}")
    return tenant_id
