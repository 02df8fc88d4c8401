import unittest
from unittest import mock

from fleet import jobs, ssh
from fleet.checks import DiskUsage

DF_OUTPUT = """Filesystem     1024-blocks      Used Available Capacity Mounted on
/dev/sda1         41152736  38002100   1050000      98% /
/dev/sdb1        103081248  20616250  77205288      22% /srv
"""


class DiskUsageCheckTest(unittest.TestCase):
    def test_flags_full_filesystem(self):
        healthy, summary = DiskUsage(threshold_pct=90).evaluate(DF_OUTPUT)
        self.assertFalse(healthy)
        self.assertEqual(summary, "/ 98%")

    def test_healthy_below_threshold(self):
        healthy, summary = DiskUsage(threshold_pct=99).evaluate(DF_OUTPUT)
        self.assertTrue(healthy)
        self.assertEqual(summary, "ok")


class JobTests(unittest.TestCase):
    def setUp(self):
        self.cfg = mock.Mock(
            ssh_user="fleetops",
            ssh_key_path="key",
            known_hosts="known_hosts",
            log_globs=["/var/log/app/*.log"],
        )
        patcher = mock.patch("fleet.jobs._ctx", return_value=(self.cfg, mock.sentinel.engine))
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_collect_disk_usage_records_run(self):
        with mock.patch("fleet.jobs.ssh.connect"), mock.patch(
            "fleet.jobs.ssh.run", return_value=ssh.Result(0, DF_OUTPUT, "")
        ), mock.patch("fleet.jobs.db") as fake_db:
            fake_db.get_host.return_value = {"id": 7, "hostname": "web-7", "address": "10.0.0.7"}
            jobs.collect_disk_usage(7, threshold_pct=95)

    def test_drain_is_idempotent(self):
        with mock.patch("fleet.jobs.ssh.connect") as connect, mock.patch("fleet.jobs.db") as fake_db:
            fake_db.get_host.return_value = {"id": 3, "hostname": "web-3", "address": "10.0.0.3", "state": "drained"}
            jobs.drain_host(3, "alice")
        connect.assert_not_called()
        fake_db.set_state.assert_not_called()

    def test_rotate_logs_dry_run_uses_debug_mode(self):
        with mock.patch("fleet.jobs.ssh.connect"), mock.patch(
            "fleet.jobs.ssh.run", return_value=ssh.Result(0, "", "")
        ) as run, mock.patch("fleet.jobs.db") as fake_db:
            fake_db.get_host.return_value = {"id": 1, "hostname": "web-1", "address": "10.0.0.1"}
            jobs.rotate_logs(1, dry_run=True)
        command = run.call_args.args[1]
        self.assertIn("logrotate -d", command)

    def test_purge_refuses_active_host(self):
        with mock.patch("fleet.jobs.db") as fake_db:
            fake_db.get_host.return_value = {"id": 2, "hostname": "web-2", "address": "10.0.0.2", "state": "active"}
            with self.assertRaisesRegex(RuntimeError, "drain it first"):
                jobs.purge_host(2, "alice")


if __name__ == "__main__":
    unittest.main()
