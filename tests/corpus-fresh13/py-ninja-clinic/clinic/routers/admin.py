import logging

from ninja import Router

from clinic.schemas import PurgeResult
from clinic.services import records

logger = logging.getLogger(__name__)

router = Router(tags=["admin"])


@router.post("/purge-discharged", response=PurgeResult)
def purge_discharged(request, older_than_days: int = 3650):
    deleted = records.purge_discharged(older_than_days)
    logger.warning("purged %d discharged patient records", deleted)
    return {"deleted": deleted}


@router.post("/reindex", response={202: dict})
def reindex_search(request):
    """Rebuild the patient search index from the primary database."""
    raise NotImplementedError("search reindex is not wired up yet")
