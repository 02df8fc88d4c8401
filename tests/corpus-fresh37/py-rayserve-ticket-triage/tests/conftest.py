import io

import numpy as np
import pytest

from triage.auth import init_auth
from triage.settings import Settings

TEST_API_KEY = "ci.test-only-secret"


def make_model_blob(labels=("billing", "outage", "account")) -> bytes:
    rng = np.random.default_rng(7)
    buffer = io.BytesIO()
    np.savez(
        buffer,
        version=np.array("test-1"),
        labels=np.array(labels),
        weights=rng.normal(size=(len(labels), 64)).astype(np.float32),
        bias=np.zeros(len(labels), dtype=np.float32),
    )
    return buffer.getvalue()


class FakeReader:
    def __init__(self, blob: bytes) -> None:
        self.blob = blob
        self.reads: list[str] = []

    def read(self, uri: str) -> bytes:
        self.reads.append(uri)
        return self.blob


class FakeResponse:
    def __init__(self, value):
        self._value = value

    def __await__(self):
        async def _resolve():
            return self._value

        return _resolve().__await__()


class FakeMethod:
    def __init__(self, result):
        self.result = result
        self.calls: list[tuple] = []

    def remote(self, *args):
        self.calls.append(args)
        value = self.result(*args) if callable(self.result) else self.result
        return FakeResponse(value)


class FakeClassifierHandle:
    def __init__(self) -> None:
        self.classify = FakeMethod(
            lambda text, top_k: {"model_version": "test-1", "queue": "billing", "labels": []}
        )
        self.model_info = FakeMethod({"uri": "s3://b/m.npz", "version": "test-1", "labels": []})
        self.reload = FakeMethod({"uri": "s3://b/new.npz", "version": "test-2"})
        self.reindex = FakeMethod({})


class FakeFeedbackStore:
    def __init__(self) -> None:
        self.added = []

    async def open(self) -> None:
        return None

    async def add(self, feedback) -> int:
        self.added.append(feedback)
        return len(self.added)

    async def export(self, since=None, limit=10_000):
        return [{"ticket_id": f.ticket_id} for f in self.added]

    async def agreement_rate(self, model_version):
        return 0.9


@pytest.fixture
def settings(tmp_path) -> Settings:
    value = Settings(
        api_keys={"ci": "test-only-secret"},
        jwks_url="https://sso.test/certs",
        jwt_issuer="https://sso.test",
        model_cache_dir=str(tmp_path / "models"),
    )
    init_auth(value)
    return value


@pytest.fixture
def model_blob() -> bytes:
    return make_model_blob()
