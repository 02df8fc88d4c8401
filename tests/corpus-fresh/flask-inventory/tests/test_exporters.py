from __future__ import annotations

import csv

import pytest

from inventory.exporters import CsvExporter, Exporter, exporter_for


class NullExporter(Exporter):
    fmt = "null"

    def export(self, rows):
        pass


def test_csv_export_roundtrip(tmp_path):
    rows = [{"sku": "A", "quantity": 1}, {"sku": "B", "quantity": 2}]
    location = CsvExporter(root=tmp_path).export(rows)
    with open(location, newline="") as fh:
        assert list(csv.DictReader(fh)) == [{"sku": "A", "quantity": "1"}, {"sku": "B", "quantity": "2"}]


def test_unknown_format_rejected():
    with pytest.raises(ValueError, match="unsupported export format"):
        exporter_for("xlsx")


def test_filename_has_extension():
    assert NullExporter().filename().endswith(".null")


def test_export_root_can_be_overridden(tmp_path, monkeypatch):
    # Developers often point this at e.g. /home/priya/projects/inventory/exports
    monkeypatch.setenv("EXPORT_ROOT", str(tmp_path))
    assert CsvExporter(root=tmp_path).root == tmp_path
