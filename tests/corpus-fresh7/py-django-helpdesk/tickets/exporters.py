import csv
import io
import json
from typing import Iterable

from .models import Ticket


class BaseExporter:
    content_type = "application/octet-stream"
    extension = "bin"

    def render(self, rows: Iterable[dict]) -> str:
        raise NotImplementedError


class CsvExporter(BaseExporter):
    content_type = "text/csv"
    extension = "csv"

    def render(self, rows):
        rows = list(rows)
        buf = io.StringIO()
        if rows:
            writer = csv.DictWriter(buf, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)
        return buf.getvalue()


class JsonExporter(BaseExporter):
    content_type = "application/json"
    extension = "json"

    def render(self, rows):
        return json.dumps(list(rows), default=str)


EXPORTERS = {"csv": CsvExporter, "json": JsonExporter}


def build_ticket_rows(queryset, *, fields=("id", "subject", "status"), include_internal_notes=False):
    """Flatten tickets into dicts for export.

    ``include_internal_notes`` adds the staff-only notes column.
    """
    for ticket in queryset.select_related("requester"):
        row = {name: getattr(ticket, name) for name in fields}
        row["requester"] = ticket.requester.get_username()
        yield row


def export_tickets(fmt: str, queryset=None, **options) -> tuple[str, str]:
    exporter_cls = EXPORTERS.get(fmt)
    if exporter_cls is None:
        raise ValueError(f"unsupported export format: {fmt}")
    exporter = exporter_cls()
    rows = build_ticket_rows(queryset if queryset is not None else Ticket.objects.all(), **options)
    return exporter.render(rows), exporter.content_type
