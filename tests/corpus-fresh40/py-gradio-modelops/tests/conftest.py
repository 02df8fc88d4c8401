from __future__ import annotations

import gradio as gr
import pytest
from fastapi.testclient import TestClient

from modelops.app import create_app
from modelops.config import Settings
from modelops.db import Database
from modelops.handlers import Handlers
from modelops.serving import Generation
from modelops.storage import LocalStorage

TEST_SERVING_TOKEN = "srv_test_only_4f1b2c"


class FakeServing:
    def __init__(self):
        self.calls: list[dict] = []

    def list_models(self) -> list[str]:
        return ["llama-3.1-8b-instruct"]

    def generate(self, model, prompt, *, temperature=0.7, max_tokens=512, version=None):
        self.calls.append({"model": model, "prompt": prompt, "temperature": temperature, "version": version})
        return Generation(text=f"echo:{prompt}", model=model, version=version or "latest", latency_ms=1.0)


@pytest.fixture
def settings(tmp_path):
    return Settings(
        env="test",
        db_path=tmp_path / "modelops.sqlite3",
        serving_url="http://serving.test",
        serving_token=TEST_SERVING_TOKEN,
        storage_backend="local",
        data_dir=tmp_path / "data",
        storage_endpoint=None,
        storage_bucket="unused",
        storage_insecure_dev=False,
        admins=frozenset({"ada@example.com"}),
        trusted_proxies=frozenset({"testclient"}),
    )


@pytest.fixture
def db(settings):
    return Database(settings.db_path)


@pytest.fixture
def serving():
    return FakeServing()


@pytest.fixture
def handlers(settings, db, serving):
    return Handlers(settings, db, LocalStorage(settings.data_dir), serving)


@pytest.fixture
def client(settings, serving):
    return TestClient(create_app(settings, serving=serving))


def as_user(username: str | None) -> gr.Request:
    return gr.Request(username=username)


def assert_audited(db: Database, action: str, subject_prefix: str = "") -> None:
    rows = [row for row in db.audit_rows() if row["action"] == action and row["subject"].startswith(subject_prefix)]
    assert rows, f"expected an audit row for {action}"
