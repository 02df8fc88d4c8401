from pathlib import Path

import pytest

from ingest import create_app
from ingest.config import Settings

TEST_TOKEN = "test-token"
TEST_SIGNING_SECRET = "changeme"


class FakeStore:
    def __init__(self):
        self.batches: list[tuple[str, list[dict]]] = []
        self.jobs = {"job-1"}
        self.purged_with: list[int] = []

    async def insert_batch(self, source, events):
        self.batches.append((source, events))
        return len(events)

    async def delete_job(self, job_id):
        if job_id not in self.jobs:
            return False
        self.jobs.remove(job_id)
        return True

    async def purge_older_than(self, days):
        self.purged_with.append(days)
        return 7


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_url="postgresql://test:test@localhost:5432/ingest_test",
        api_tokens=(TEST_TOKEN,),
        signing_secret=TEST_SIGNING_SECRET,
        spool_dir=tmp_path / "spool",
    )


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def app(settings, store):
    app = create_app(settings, start_scheduler=False)
    app.config["STORE"] = store
    return app


@pytest.fixture
def client(app):
    return app.test_client()
