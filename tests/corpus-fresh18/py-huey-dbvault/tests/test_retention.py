import unittest
from datetime import datetime, timedelta, timezone

from dbvault.retention import newest_per_database, select_expired

NOW = datetime(2024, 9, 30, 6, 0, tzinfo=timezone.utc)


def nightly(days):
    return [(f"app/app-{i:03d}.dump", NOW - timedelta(days=i, hours=4)) for i in range(days)]


class SelectExpiredTests(unittest.TestCase):
    def assertKept(self, snapshots, expired, expected_kept):
        kept = {key for key, _ in snapshots} - {key for key, _ in expired}
        self.assertEqual(kept, set(expected_kept))

    def test_keeps_last_n_days(self):
        snaps = nightly(10)
        expired = select_expired(snaps, keep_daily=3, keep_weekly=0, now=NOW)
        self.assertKept(snaps, expired, ["app/app-000.dump", "app/app-001.dump", "app/app-002.dump"])

    def test_two_snapshots_same_day_keeps_newest(self):
        snaps = [
            ("a", NOW - timedelta(hours=1)),
            ("b", NOW - timedelta(hours=2)),
        ]
        expired = select_expired(snaps, keep_daily=1, keep_weekly=0, now=NOW)
        self.assertEqual([key for key, _ in expired], ["b"])

    def test_in_progress_snapshot_is_not_expired(self):
        snaps = nightly(3) + [("future", NOW + timedelta(minutes=5))]
        expired = select_expired(snaps, keep_daily=1, keep_weekly=0, now=NOW)
        self.assertNotIn("future", [key for key, _ in expired])

    def test_newest_per_database(self):
        rows = [
            ("app", "k1", NOW - timedelta(days=1)),
            ("app", "k2", NOW),
            ("billing", "k3", NOW - timedelta(days=2)),
        ]
        self.assertEqual(newest_per_database(rows), {"app": ("k2", NOW), "billing": ("k3", NOW - timedelta(days=2))})


if __name__ == "__main__":
    unittest.main()
