import os
import unittest
from datetime import datetime, timezone
from pathlib import Path
from unittest import mock

from dbvault.dump import DumpResult
from dbvault.queue import huey
from dbvault.storage import S3Storage
from dbvault import tasks

huey.immediate = True


def fake_result(tmpdir="/tmp"):
    path = Path(tmpdir) / "app-20240930T021500Z.dump"
    return DumpResult(
        database="app",
        path=path,
        size=1024,
        md5="d41d8cd98f00b204e9800998ecf8427e",
        started_at=datetime(2024, 9, 30, 2, 15, tzinfo=timezone.utc),
        finished_at=datetime(2024, 9, 30, 2, 16, tzinfo=timezone.utc),
    )


class BackupTaskTests(unittest.TestCase):
    def setUp(self):
        patcher = mock.patch.multiple(
            tasks,
            dump_database=mock.DEFAULT,
            record_snapshot=mock.DEFAULT,
            s3_storage=mock.DEFAULT,
            sftp_storage=mock.DEFAULT,
            notify=mock.DEFAULT,
        )
        self.mocks = patcher.start()
        self.addCleanup(patcher.stop)
        self.mocks["dump_database"].return_value = fake_result()
        self.mocks["sftp_storage"].return_value = None

    def test_backup_uploads_and_records(self):
        key = tasks.backup_database.call_local("app")

        self.assertEqual(key, "postgres/app/app-20240930T021500Z.dump")
        self.mocks["s3_storage"].return_value.upload.assert_called_once()
        self.mocks["record_snapshot"].assert_called_once_with(mock.ANY, key)

    def test_nightly_queues_every_database(self):
        with mock.patch.object(tasks, "backup_database") as backup:
            tasks.nightly_backups.call_local()
        backup.assert_called()

    def test_backup_with_mirror(self):
        mirror = mock.Mock()
        self.mocks["sftp_storage"].return_value = mirror
        mirror.upload.side_effect = OSError("connection reset")

        tasks.backup_database.call_local("app")

    def test_dump_failure_propagates(self):
        self.mocks["dump_database"].side_effect = RuntimeError("pg_dump exited 1")
        with self.assertRaises(RuntimeError):
            tasks.backup_database.call_local("app")
        self.mocks["notify"].backup_failed.assert_called_once()


@unittest.skipUnless(os.environ.get("DBVAULT_MINIO_URL"), "needs a local MinIO container")
class MinioIntegrationTests(unittest.TestCase):
    def test_upload_round_trip(self):
        # the docker-compose MinIO uses a self-signed certificate
        storage = S3Storage(
            "test-bucket",
            "us-east-1",
            endpoint_url=os.environ["DBVAULT_MINIO_URL"],
            verify=False,
            credentials={"aws_access_key_id": "minioadmin", "aws_secret_access_key": "minioadmin"},
        )
        path = Path(__file__)
        etag = storage.upload(path, "it/test_tasks.py")
        self.assertEqual(len(etag), 32)
        storage.delete("it/test_tasks.py")


if __name__ == "__main__":
    unittest.main()
