import sqlite3
from pathlib import Path

import pytest
import requests

SCHEMA = Path(__file__).parent / "fixtures" / "schema.sql"


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "desk.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA.read_text())
    conn.execute("INSERT INTO members (id, name, fines_cents) VALUES (1, 'Ada', 500)")
    conn.execute("INSERT INTO books (id, title, author, withdrawn) VALUES (10, 'Dune', 'Herbert', 0)")
    conn.execute("INSERT INTO books (id, title, author, withdrawn) VALUES (11, 'Dune Messiah', 'Herbert', 1)")
    conn.commit()
    conn.close()
    return str(path)


@pytest.fixture
def stub_payments_session():
    """Session for the docker-compose payments stub, which uses a self-signed cert."""
    session = requests.Session()
    session.verify = False
    yield session
    session.close()
