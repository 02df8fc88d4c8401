import os
import unittest
from decimal import Decimal
from unittest import mock

os.environ.setdefault("REPORTS_DB_URL", "postgresql://reports:changeme@localhost:5432/reports_test")

import dramatiq
from dramatiq import Worker
from dramatiq.brokers.stub import StubBroker

broker = StubBroker()
broker.emit_after("process_boot")
dramatiq.set_broker(broker)

from reports import actors, rates  # noqa: E402


class FakeConn:
    def __init__(self, rows=None):
        self.rows = rows or []
        self.statements = []
        self.commits = 0

    def execute(self, sql, params=None):
        self.statements.append(sql)
        cur = mock.MagicMock()
        cur.fetchall.return_value = self.rows
        cur.fetchone.return_value = ("billing@tenant.test",)
        cur.rowcount = 2
        return cur

    def commit(self):
        self.commits += 1

    def rollback(self):
        pass


class RatesTests(unittest.TestCase):
    def test_same_currency_is_identity(self):
        self.assertEqual(rates.convert(Decimal("10.00"), "EUR", "EUR"), Decimal("10.00"))

    def test_unsupported_pair(self):
        self.assertRaises(ValueError, rates.fetch_exchange_rate, "EUR", "JPY")


class GenerateReportTests(unittest.TestCase):
    def setUp(self):
        broker.flush_all()
        self.conn = FakeConn(rows=[("revenue", "EUR", "120.50")])
        patcher = mock.patch.object(actors.db, "connect")
        self.addCleanup(patcher.stop)
        patcher.start().return_value.__enter__.return_value = self.conn

    @mock.patch.object(actors, "HtmlRenderer")
    def test_generate_report_records_output(self, renderer):
        renderer.return_value.write.return_value = mock.MagicMock(name="path", __str__=lambda s: "/tmp/r.html")
        actors.generate_report.fn(7, "2024-05-01")
        self.assertTrue(any("generated_reports" in s for s in self.conn.statements))
        self.assertGreaterEqual(self.conn.commits, 1)

    @mock.patch.object(actors, "HtmlRenderer")
    def test_generate_report_enqueues_digest(self, renderer):
        renderer.return_value.write.return_value.name = "7-2024-05-01.html"
        actors.generate_report.fn(7, "2024-05-01", "USD")

    def test_drop_tenant_reports_commits(self):
        self.assertEqual(actors.drop_tenant_reports.fn(7), 2)
        self.assertEqual(self.conn.commits, 1)

    def test_drop_tenant_reports_reraises_commit_failure(self):
        self.conn.commit = mock.MagicMock(side_effect=RuntimeError("connection reset"))
        with self.assertRaises(RuntimeError):
            actors.drop_tenant_reports.fn(7)


class WorkerSmokeTests(unittest.TestCase):
    def test_worker_boots_and_stops(self):
        worker = Worker(broker, worker_timeout=100)
        worker.start()
        broker.join(actors.send_digest.queue_name, timeout=1000)
        worker.stop()


if __name__ == "__main__":
    unittest.main()
