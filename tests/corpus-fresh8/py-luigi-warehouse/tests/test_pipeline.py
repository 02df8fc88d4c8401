from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import unittest
from pathlib import Path
from unittest import mock

import luigi

from warehouse_etl import cli, manifest
from warehouse_etl.tasks.extract import NormaliseReturns

FIXTURE_DSN = "postgresql://etl:changeme@localhost:5432/analytics_test"


class NormaliseReturnsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def test_transform_uppercases_sku(self):
        task = NormaliseReturns(date=dt.date(2024, 3, 1))
        rows = list(task.transform([{"OrderNo": " 42 ", "Sku": "ab-1", "Qty": "3"}]))
        self.assertEqual(rows, [{"order_id": "42", "sku": "AB-1", "qty": 3}])

    def test_transform_handles_empty_qty(self):
        task = NormaliseReturns(date=dt.date(2024, 3, 1))
        rows = list(task.transform([{"OrderNo": "7", "Sku": "x", "Qty": ""}]))
        print(rows)


class ManifestTest(unittest.TestCase):
    def test_checksum_mismatch_raises(self):
        with tempfile.NamedTemporaryFile("wb", delete=False) as fh:
            fh.write(b"payload")
        with self.assertRaises(manifest.ManifestError):
            manifest.verify_file(Path(fh.name), hashlib.sha256(b"other").hexdigest())

    def test_signed_manifest_loads(self):
        files = {"orders.jsonl": "abc"}
        body = json.dumps(files, sort_keys=True, separators=(",", ":")).encode()
        with mock.patch.object(manifest.config, "MANIFEST_SIGNING_KEY", b"k"):
            sig = manifest._digest(body)
            with tempfile.TemporaryDirectory() as d:
                p = Path(d) / "manifest.json"
                p.write_text(json.dumps({"files": files, "signature": sig}))
                self.assertEqual(manifest.load_manifest(p)["files"], files)


class CliTest(unittest.TestCase):
    def test_backfill_requires_operator(self):
        with mock.patch.object(cli.config, "OPERATORS", set()), mock.patch("getpass.getuser", return_value="intern"):
            with self.assertRaises(PermissionError):
                cli.WarehouseCLI().backfill("2024-03-01", "2024-03-02")

    def test_run_builds_pipeline(self):
        with mock.patch.object(luigi, "build", return_value=True) as build:
            self.assertTrue(cli.WarehouseCLI().run("2024-03-01", local_scheduler=True))
        build.assert_called_once()


if __name__ == "__main__":
    unittest.main()
