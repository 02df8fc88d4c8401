"""Turns raw lab API rows into LabResult records."""

import abc
import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.dateparse import parse_datetime

from patients.models import Patient

from .client import LabClient
from .models import LabResult

logger = logging.getLogger(__name__)


@dataclass
class ParsedResult:
    external_id: str
    mrn: str
    code: str
    name: str
    value: str
    unit: str
    flag: str
    collected_at: object
    pdf_url: str | None


@dataclass
class ImportStats:
    imported: int = 0
    skipped: int = 0


class BaseImporter(abc.ABC):
    @abc.abstractmethod
    def parse(self, raw: dict) -> ParsedResult:
        raise NotImplementedError

    @abc.abstractmethod
    def save(self, parsed: ParsedResult) -> LabResult:
        raise NotImplementedError

    def run(self, rows) -> ImportStats:
        stats = ImportStats()
        for raw in rows:
            try:
                parsed = self.parse(raw)
            except (KeyError, ValueError) as exc:
                logger.warning("skipping malformed lab row %s: %s", raw.get("id"), exc)
                stats.skipped += 1
                continue
            try:
                self.save(parsed)
            except Exception:
                continue
            stats.imported += 1
        return stats


class MeridianImporter(BaseImporter):
    def __init__(self, client: LabClient):
        self.client = client
        self.pdf_root = Path(settings.LAB_PDF_ROOT)

    def parse(self, raw: dict) -> ParsedResult:
        collected = parse_datetime(raw["collected_at"])
        if collected is None:
            raise ValueError(f"bad collected_at {raw['collected_at']!r}")
        return ParsedResult(
            external_id=raw["id"],
            mrn=raw["patient"]["mrn"],
            code=raw["test"]["code"],
            name=raw["test"]["name"],
            value=str(raw["value"]),
            unit=raw.get("unit", ""),
            flag=raw.get("flag", "N"),
            collected_at=collected,
            pdf_url=raw.get("report_url"),
        )

    def save(self, parsed: ParsedResult) -> LabResult:
        patient = Patient.objects.get(mrn=parsed.mrn)
        pdf_path = ""
        if parsed.pdf_url:
            target = self.pdf_root / patient.mrn / f"{parsed.external_id}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.client.fetch_pdf(parsed.pdf_url))
            pdf_path = str(target)
        with transaction.atomic():
            result, _ = LabResult.objects.update_or_create(
                external_id=parsed.external_id,
                defaults={
                    "patient": patient,
                    "code": parsed.code,
                    "name": parsed.name,
                    "value": parsed.value,
                    "unit": parsed.unit,
                    "flag": parsed.flag,
                    "collected_at": parsed.collected_at,
                    "pdf_path": pdf_path,
                },
            )
        return result
