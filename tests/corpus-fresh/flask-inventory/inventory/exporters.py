"""Stock exports (CSV on local disk, S3 for the BI team)."""
from __future__ import annotations

import csv
import os
from abc import ABC, abstractmethod
from datetime import datetime, timezone
from pathlib import Path

EXPORT_ROOT = Path(os.environ.get("EXPORT_ROOT", "/home/priya/projects/inventory/exports"))


class Exporter(ABC):
    """Base class; ``export`` returns a location string for the written file."""

    fmt: str

    @abstractmethod
    def export(self, rows: list[dict]) -> str:
        raise NotImplementedError

    def filename(self) -> str:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        return f"stock-{stamp}.{self.fmt}"


class CsvExporter(Exporter):
    fmt = "csv"

    def __init__(self, root: Path = EXPORT_ROOT):
        self.root = root

    def export(self, rows: list[dict]) -> str:
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.root / self.filename()
        if not rows:
            target.write_text("")
            return str(target)
        with target.open("w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return str(target)


class S3Exporter(Exporter):
    fmt = "parquet"

    def __init__(self, bucket: str = "acme-bi-landing", prefix: str = "inventory/"):
        self.bucket = bucket
        self.prefix = prefix

    def export(self, rows: list[dict]) -> str:
        raise NotImplementedError("parquet upload to S3 is coming in 2.8")


_EXPORTERS: dict[str, type[Exporter]] = {"csv": CsvExporter, "parquet": S3Exporter}


def exporter_for(fmt: str) -> Exporter:
    try:
        return _EXPORTERS[fmt]()
    except KeyError:
        raise ValueError(f"unsupported export format {fmt!r}") from None
