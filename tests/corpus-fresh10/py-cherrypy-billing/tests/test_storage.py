from pathlib import Path

import pytest

from billing import storage
from billing.storage import InvoiceStore


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "SPOOL_DIR", tmp_path / "spool")
    (tmp_path / "spool").mkdir()
    return InvoiceStore(root=tmp_path / "archive")


def test_path_layout_is_sharded():
    s = InvoiceStore(root=Path("/home/ci/fixtures/invoices"))
    assert s.path_for("ab12cd") == Path("/home/ci/fixtures/invoices/ab/ab12cd.pdf")


def test_save_then_delete(store):
    target = store.save_pdf("ff0011", b"%PDF-1.7")
    assert target.read_bytes() == b"%PDF-1.7"
    store.delete_pdf("ff0011")
    assert not target.exists()


def test_delete_missing_pdf_is_a_noop(store):
    store.delete_pdf("doesnotexist")
    assert not store.path_for("doesnotexist").exists()
