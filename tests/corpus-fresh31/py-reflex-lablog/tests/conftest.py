import os
from contextlib import contextmanager

import pytest
from sqlmodel import Session, SQLModel, create_engine

os.environ.setdefault("LABLOG_INGEST_API_KEY", "test-ingest-key-000000000000")
os.environ.setdefault("LABLOG_INSTRUMENT_WEBHOOK_SECRET", "test-webhook-secret-0000000000")

from lablog.auth import hash_password  # noqa: E402
from lablog.models import Experiment, User  # noqa: E402


@pytest.fixture
def engine(tmp_path):
    eng = create_engine(f"sqlite:///{tmp_path / 'lablog.db'}")
    SQLModel.metadata.create_all(eng)
    return eng


@pytest.fixture(autouse=True)
def patch_session(monkeypatch, engine):
    @contextmanager
    def _session():
        with Session(engine) as s:
            yield s

    monkeypatch.setattr("reflex.session", _session)
    return _session


@pytest.fixture
def alice(engine) -> User:
    with Session(engine) as s:
        user = User(email="alice@lab.example", display_name="Alice", password_hash=hash_password("pw-alice-123"))
        s.add(user)
        s.commit()
        s.refresh(user)
        return user


@pytest.fixture
def experiment(engine, alice) -> Experiment:
    with Session(engine) as s:
        exp = Experiment(title="Buffer pH sweep", owner_id=alice.id)
        s.add(exp)
        s.commit()
        s.refresh(exp)
        return exp
