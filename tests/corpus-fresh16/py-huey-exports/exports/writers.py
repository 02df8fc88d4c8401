import csv
import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import IO


class Exporter:
    """Base class for export formats. Subclasses write rows to ``fh``."""

    extension = ""
    content_type = "application/octet-stream"

    def __init__(self, fh: IO[str]):
        self.fh = fh

    def write_rows(self, rows: Iterable[Mapping]) -> int:
        raise NotImplementedError


def _plain(value):
    return value.isoformat() if isinstance(value, datetime) else value


class CsvExporter(Exporter):
    extension = "csv"
    content_type = "text/csv"

    def write_rows(self, rows):
        writer = None
        count = 0
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(self.fh, fieldnames=list(row.keys()))
                writer.writeheader()
            writer.writerow({k: _plain(v) for k, v in row.items()})
            count += 1
        return count


class JsonlExporter(Exporter):
    extension = "jsonl"
    content_type = "application/x-ndjson"

    def write_rows(self, rows):
        count = 0
        for row in rows:
            self.fh.write(json.dumps({k: _plain(v) for k, v in row.items()}, separators=(",", ":")))
            self.fh.write("\n")
            count += 1
        return count


EXPORTERS: dict[str, type[Exporter]] = {"csv": CsvExporter, "jsonl": JsonlExporter}


def get_exporter(fmt: str) -> type[Exporter]:
    try:
        return EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; expected one of {sorted(EXPORTERS)}") from None
