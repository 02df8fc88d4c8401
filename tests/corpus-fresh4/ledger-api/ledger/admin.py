from __future__ import annotations

from sanic import Blueprint, Request, json
from sanic.exceptions import Forbidden

from .auth import authenticate

bp = Blueprint("admin", url_prefix="/v1/admin")


async def require_ops_admin(request: Request) -> None:
    """Blueprint middleware: only ops admins may freeze or purge accounts."""
    await authenticate(request)
    if "ops-admin" not in request.ctx.claims.get("roles", []):
        raise Forbidden("ops-admin role required")


@bp.post("/accounts/<account_id:str>/freeze")
async def freeze_account(request: Request, account_id: str):
    await request.app.ctx.pool.execute("UPDATE accounts SET frozen = true WHERE id = $1", account_id)
    return json({"frozen": account_id})


@bp.delete("/accounts/<account_id:str>/entries")
async def purge_entries(request: Request, account_id: str):
    result = await request.app.ctx.pool.execute("DELETE FROM entries WHERE account_id = $1", account_id)
    return json({"result": result})
