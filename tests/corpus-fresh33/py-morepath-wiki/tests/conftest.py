import os
import tempfile

import bcrypt
import morepath
import pytest
import transaction
import webtest
from sqlalchemy import create_engine

# Settings are read when the app commits, so test values go into the environment first.
os.environ["WIKI_JWT_SECRET"] = "test-secret-for-the-wiki-suite-0123456789"
os.environ["WIKI_ATTACHMENTS"] = tempfile.mkdtemp(prefix="wiki-attachments-")
os.environ["WIKI_INDEXER_URL"] = "https://indexer.test/api"

import wiki  # noqa: E402
from wiki.app import App  # noqa: E402
from wiki.model import Base, Page, Session, User  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def configured():
    morepath.scan(wiki)
    App.commit()


@pytest.fixture()
def db():
    engine = create_engine("sqlite://")
    Session.remove()
    Session.configure(bind=engine)
    Base.metadata.create_all(engine)
    with transaction.manager:
        for name, role in [("ada", "editor"), ("root", "admin"), ("rita", "reader")]:
            Session.add(User(username=name, password_hash=bcrypt.hashpw(b"pw-" + name.encode(), bcrypt.gensalt(4)), role=role))
        Session.add(Page(name="handbook", title="Handbook", body="Welcome", owner="ada", published=True))
        Session.add(Page(name="roadmap", title="Roadmap", body="Q3 plans", owner="ada", published=False, share_token="s3cr3t-share"))
    yield Session
    Session.remove()
    engine.dispose()


@pytest.fixture()
def client(db, monkeypatch):
    monkeypatch.setattr("wiki.indexer.IndexerClient.push", lambda self, page: None)
    return webtest.TestApp(App())


def login(client, username):
    resp = client.post_json("/login", {"username": username, "password": f"pw-{username}"})
    return {"Authorization": resp.headers["Authorization"]}
