from __future__ import annotations

from datetime import date
from typing import Protocol

from pydantic import BaseModel


class Report(BaseModel):
    id: str
    org_id: str
    title: str
    period_start: date
    period_end: date
    rows: list[dict] = []


class ReportStore(Protocol):
    def get(self, report_id: str) -> Report | None: ...

    def list_for_org(self, org_id: str, *, limit: int, offset: int) -> list[Report]: ...

    def all_orgs(self) -> list[str]: ...


class InMemoryStore:
    def __init__(self, reports: list[Report] | None = None):
        self._reports = {r.id: r for r in reports or []}

    def get(self, report_id: str) -> Report | None:
        return self._reports.get(report_id)

    def list_for_org(self, org_id: str, *, limit: int, offset: int) -> list[Report]:
        rows = sorted((r for r in self._reports.values() if r.org_id == org_id), key=lambda r: r.period_start)
        return rows[offset : offset + limit]

    def all_orgs(self) -> list[str]:
        return sorted({r.org_id for r in self._reports.values()})
