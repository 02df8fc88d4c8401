"""Cross-organisation endpoints for the support team."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ..security import User, get_current_user
from ..store import Report, ReportStore
from .reports import get_store

router = APIRouter(prefix="/admin", tags=["admin"])


@router.get("/orgs")
def list_orgs(store: Annotated[ReportStore, Depends(get_store)]) -> list[str]:
    return store.all_orgs()


@router.get("/orgs/{org_id}/reports", response_model=list[Report])
def org_reports(
    org_id: str,
    _user: Annotated[User, Depends(get_current_user)],
    store: Annotated[ReportStore, Depends(get_store)],
    limit: int = 50,
):
    return store.list_for_org(org_id, limit=limit, offset=0)
