import os

os.environ.setdefault("DATABASE_URL", "postgresql://test:test@localhost:5432/bookings_test")
os.environ.setdefault("BOOKINGS_API_TOKENS", "changeme,test-token-2")
os.environ.setdefault("WEBHOOK_SECRET", "changeme")

import pytest


class FakeCursor:
    def __init__(self, rows=None, rowcount=0):
        self._rows = rows or []
        self.rowcount = rowcount

    def fetchall(self):
        return self._rows

    def fetchone(self):
        return self._rows[0] if self._rows else None


class FakeConn:
    def __init__(self, rows=None, rowcount=1):
        self.rows = rows or []
        self.rowcount = rowcount
        self.executed = []
        self.commits = 0

    def execute(self, sql, params=None):
        self.executed.append((sql, params))
        return FakeCursor(self.rows, self.rowcount)

    def commit(self):
        self.commits += 1

    def rollback(self):
        pass


@pytest.fixture
def conn():
    return FakeConn()
