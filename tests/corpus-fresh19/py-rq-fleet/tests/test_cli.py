import hashlib
import io
import os
import unittest
from contextlib import redirect_stderr, redirect_stdout
from unittest import mock

from fleet import cli, config

OPERATOR_TOKEN = "test-operator-token"
OPERATOR_DIGEST = hashlib.sha256(OPERATOR_TOKEN.encode()).hexdigest()


class QueueAssertions:
    def assertJobEnqueued(self, queue_mock, func, *args):
        enqueue = queue_mock.return_value.enqueue
        enqueue.assert_called_once()
        call = enqueue.call_args
        self.assertIs(call.args[0], func)
        self.assertEqual(tuple(call.args[1 : 1 + len(args)]), args)


class CliTests(QueueAssertions, unittest.TestCase):
    def setUp(self):
        self.cfg = config.Config(operator_token_sha256=OPERATOR_DIGEST, database_url="sqlite://")
        patcher = mock.patch("fleet.cli._cfg", return_value=self.cfg)
        patcher.start()
        self.addCleanup(patcher.stop)

    @mock.patch.dict(os.environ, {"FLEET_OPERATOR_TOKEN": OPERATOR_TOKEN})
    @mock.patch("fleet.cli._queue")
    def test_drain_enqueues_job(self, queue):
        queue.return_value.enqueue.return_value.id = "job-1"
        with redirect_stdout(io.StringIO()):
            cli.drain(12)
        self.assertJobEnqueued(queue, cli.jobs.drain_host, 12)

    @mock.patch.dict(os.environ, {"FLEET_OPERATOR_TOKEN": "wrong"})
    def test_drain_rejects_bad_token(self):
        with redirect_stderr(io.StringIO()), self.assertRaises(SystemExit) as ctx:
            cli.drain(12)
        self.assertEqual(ctx.exception.code, 3)

    @mock.patch("fleet.cli._queue")
    def test_purge_requires_yes(self, queue):
        with redirect_stderr(io.StringIO()), self.assertRaises(SystemExit) as ctx:
            cli.purge(4)
        self.assertEqual(ctx.exception.code, 2)
        queue.return_value.enqueue.assert_not_called()


if __name__ == "__main__":
    unittest.main()
