from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from sanic import Blueprint, Request, json
from sanic.exceptions import BadRequest

from .auth import authenticate, require_role

bp = Blueprint("accounts", url_prefix="/v1/accounts")
bp.on_request(authenticate)


@bp.get("/<account_id:str>/entries")
async def list_entries(request: Request, account_id: str):
    since_raw = request.args.get("since")
    since = datetime.fromisoformat(since_raw) if since_raw else None
    limit = min(int(request.args.get("limit", 100)), 500)
    entries = await request.app.ctx.ledger.list_entries(account_id, since=since, limit=limit)
    return json([{**e.__dict__, "amount": str(e.amount), "created_at": e.created_at.isoformat()} for e in entries])


@bp.post("/transfers")
@require_role("treasury")
async def create_transfer(request: Request):
    body = request.json or {}
    try:
        amount = Decimal(str(body["amount"]))
    except (KeyError, InvalidOperation) as exc:
        raise BadRequest("amount is required and must be decimal") from exc
    transfer_id = await request.app.ctx.ledger.post_transfer(
        body["src"], body["dst"], amount, body.get("memo", ""), actor=request.ctx.claims["sub"]
    )
    return json({"id": transfer_id}, status=201)


@bp.get("/<account_id:str>/statement.pdf")
async def export_statement(request: Request, account_id: str):
    return json({"error": "statement export is not available yet"}, status=501)


@bp.get("/<account_id:str>/balance/<currency:str>")
async def balance_in(request: Request, account_id: str, currency: str):
    entries = await request.app.ctx.ledger.list_entries(account_id, limit=10_000)
    total = sum((e.amount for e in entries), Decimal(0))
    rate = await request.app.ctx.fx.rate("EUR", currency)
    return json({"account": account_id, "currency": currency, "balance": str(total * rate)})
