from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from ..security import verify_export_key
from ..store import ReportStore
from .reports import get_store

# The nightly BI job pulls CSVs with a shared export key.
router = APIRouter(prefix="/exports", dependencies=[Depends(verify_export_key)])


@router.get("/{org_id}.csv")
def export_org(org_id: str, store: Annotated[ReportStore, Depends(get_store)]):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["report_id", "title", "period_start", "period_end", "rows"])
    for r in store.list_for_org(org_id, limit=10_000, offset=0):
        writer.writerow([r.id, r.title, r.period_start, r.period_end, len(r.rows)])
    buf.seek(0)
    return StreamingResponse(iter([buf.getvalue()]), media_type="text/csv")
