import sqlite3

import pytest

from library.store import LoanError, Store


def test_search_hides_withdrawn(db_path):
    store = Store(db_path)
    titles = [b.title for b in store.search_books("Dune")]
    assert titles == ["Dune"]


def test_search_can_include_withdrawn(db_path):
    store = Store(db_path)
    books = store.search_books("Dune", include_withdrawn=True)
    assert {b.id for b in books} == {10, 11}


def test_double_checkout_is_refused(db_path):
    store = Store(db_path)
    store.checkout(1, 10)
    with pytest.raises(LoanError):
        store.checkout(1, 10)


def test_fine_payment_updates_balance(db_path):
    store = Store(db_path)
    store.record_fine_payment(1, 200, "ch_test_1")


def test_audit_survives_missing_table(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TABLE audit")
    conn.commit()
    store = Store(db_path)
    due = store.checkout(1, 10)
    assert due is not None
