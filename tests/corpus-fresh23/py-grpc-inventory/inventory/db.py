from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine


def make_engine(url: str, *, echo: bool = False) -> Engine:
    if url.startswith("sqlite") and ":memory:" in url:
        return create_engine(url, echo=echo, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    if url.startswith("sqlite"):
        return create_engine(url, echo=echo, connect_args={"check_same_thread": False})
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=10, max_overflow=5)


def create_schema(engine: Engine) -> None:
    # Import for side effects: registers the tables on SQLModel.metadata.
    from inventory import models  # noqa: F401

    SQLModel.metadata.create_all(engine)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
