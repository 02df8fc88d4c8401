import sqlite3

import pytest
from webtest import TestApp

from stockroom.app import create_app
from stockroom.config import Settings

SCHEMA = """
CREATE TABLE items (sku TEXT PRIMARY KEY, name TEXT, warehouse TEXT, quantity INTEGER, archived INTEGER DEFAULT 0);
CREATE TABLE movements (id INTEGER PRIMARY KEY, sku TEXT, delta INTEGER, reason TEXT, actor TEXT, created_at TEXT);
CREATE TABLE devices (id TEXT PRIMARY KEY, token TEXT, revoked INTEGER DEFAULT 0);
"""


@pytest.fixture
def settings(tmp_path):
    db = tmp_path / "test.sqlite3"
    conn = sqlite3.connect(db)
    conn.executescript(SCHEMA)
    conn.execute("INSERT INTO items VALUES ('SKU-1', 'Pallet wrap', 'AMS1', 40, 0)")
    conn.execute("INSERT INTO devices VALUES ('scanner-7', 'dev-token-7', 0)")
    conn.commit()
    conn.close()
    templates = tmp_path / "labels"
    templates.mkdir()
    (templates / "item.zpl").write_text("^XA^FD{sku} {name}^FS^XZ")
    return Settings(
        database_path=str(db),
        api_keys=frozenset({"test-key"}),
        cookie_secret="cookie-test-secret",
        supplier_base_url="https://supplier.test/v2",
        supplier_webhook_secret="whsec-test",
        smtp_host="localhost",
        smtp_user="test",
        smtp_password="test",
        label_template_dir=str(templates),
        export_dir=str(tmp_path / "exports"),
    )


@pytest.fixture
def client(settings):
    return TestApp(create_app(settings))
