from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ..security import User, get_current_user, require_scope, verify_share_token
from ..store import Report, ReportStore

router = APIRouter(prefix="/reports", tags=["reports"])


def get_store(request: Request) -> ReportStore:
    return request.app.state.store


@router.get("", response_model=list[Report])
def list_reports(
    user: Annotated[User, Depends(require_scope("reports:read"))],
    store: Annotated[ReportStore, Depends(get_store)],
    page: Annotated[int, Query(ge=1)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
):
    return store.list_for_org(user.org_id, limit=page_size, offset=(page - 1) * page_size)


@router.get("/{report_id}", response_model=Report)
def get_report(
    report_id: str,
    user: Annotated[User, Depends(get_current_user)],
    store: Annotated[ReportStore, Depends(get_store)],
):
    report = store.get(report_id)
    if report is None or report.org_id != user.org_id:
        raise HTTPException(404, "report not found")
    return report


@router.get("/shared/{report_id}", response_model=Report)
def get_shared_report(report_id: str, token: str, store: Annotated[ReportStore, Depends(get_store)]):
    """Public, unauthenticated access through a share link."""
    if not verify_share_token(report_id, token):
        raise HTTPException(404, "report not found")
    report = store.get(report_id)
    if report is None:
        raise HTTPException(404, "report not found")
    return report
