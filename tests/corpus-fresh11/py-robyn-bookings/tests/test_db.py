from datetime import datetime

import pytest

from bookings import db
from tests.conftest import FakeConn


def test_list_bookings_filters_by_status(conn):
    db.list_bookings(conn, clinic_id=3, status="confirmed")
    sql, params = conn.executed[0]
    assert "status = %s" in sql
    assert params == [3, "confirmed", 100]


def test_list_bookings_since(conn):
    db.list_bookings(conn, clinic_id=3, since=datetime(2024, 6, 1))


def test_cancel_booking_commits(conn):
    assert db.cancel_booking(conn, 10, "patient request") is True
    assert conn.commits == 1


def test_delete_booking_reraises():
    class Broken(FakeConn):
        def execute(self, sql, params=None):
            raise RuntimeError("db down")

    with pytest.raises(RuntimeError, match="db down"):
        db.delete_booking(Broken(), 1)
