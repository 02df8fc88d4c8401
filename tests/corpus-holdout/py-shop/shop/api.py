"""HTTP routes."""
from fastapi import APIRouter, Depends, FastAPI, Request

from . import tasks
from .deps import check_api_key, ensure_logged_in, verify_partner
from . import settings

app = FastAPI()
router = APIRouter(prefix="/orders", dependencies=[Depends(ensure_logged_in)])


@router.get("/")
async def list_orders(request: Request):
    return await request.app.state.repo.list_orders()


@router.post("/{order_id}/cancel")
async def cancel_order(order_id: str, request: Request):
    await request.app.state.repo.cancel(order_id)
    return {"ok": True}


@app.post("/admin/reindex")
async def admin_reindex():
    tasks.rebuild_search_index()
    return {"queued": True}


@app.post("/partners/{pid}/orders")
async def partner_order(pid: str, request: Request):
    if not verify_partner(request, settings.STRIPE_KEY):
        return {"error": "unauthorised"}
    check_api_key(request, settings.STRIPE_KEY)
    return {"ok": True}


app.include_router(router)
