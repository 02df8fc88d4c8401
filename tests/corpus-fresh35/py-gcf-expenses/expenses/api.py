import contextlib
import dataclasses
import datetime as dt
import json
import re
from typing import Callable

import flask
import requests

from . import auth, config, log, notify, store

logger = log.get(__name__)

CORS_ORIGIN = "https://expenses.acme-corp.com"


@dataclasses.dataclass
class Route:
    method: str
    pattern: re.Pattern
    handler: Callable
    role: str | None
    public: bool


_routes: list[Route] = []


def route(method: str, path: str, *, role: str | None = None, public: bool = False):
    pattern = re.compile("^" + re.sub(r"<(\w+)>", r"(?P<\1>[A-Za-z0-9_-]+)", path) + "$")

    def register(fn):
        _routes.append(Route(method, pattern, fn, role, public))
        return fn

    return register


def _problem(status: int, title: str, detail: str | None = None):
    body = {"title": title, "status": status}
    if detail:
        body["detail"] = detail
    return flask.make_response(body, status, {"Content-Type": "application/problem+json"})


def _cors(response):
    response.headers["Access-Control-Allow-Origin"] = CORS_ORIGIN
    response.headers["Vary"] = "Origin"
    return response


def dispatch(request: flask.Request):
    if request.method == "OPTIONS":
        # Preflight carries no credentials; the real request is authenticated below.
        return _cors(
            flask.make_response(
                "",
                204,
                {"Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": "Authorization, Content-Type"},
            )
        )

    path = request.path.rstrip("/") or "/"
    allowed = []
    for r in _routes:
        match = r.pattern.match(path)
        if not match:
            continue
        if r.method != request.method:
            allowed.append(r.method)
            continue
        try:
            user = None if r.public else auth.user_from_request(request)
            if r.role and not user.has(r.role):
                raise auth.Forbidden(f"requires role {r.role}")
            result = r.handler(request, user, **match.groupdict())
        except (auth.Unauthorized, auth.Forbidden) as exc:
            return _cors(_problem(exc.status, type(exc).__name__, str(exc)))
        except LookupError as exc:
            return _cors(_problem(404, "Not Found", str(exc)))
        return _cors(flask.make_response(result))
    if allowed:
        return _cors(flask.make_response({"error": "method not allowed"}, 405, {"Allow": ", ".join(allowed)}))
    return _cors(_problem(404, "Not Found"))


def _expense_visible_to(expense_id: str, user: auth.User) -> dict:
    expense = store.get_expense(expense_id)
    if expense is None:
        raise LookupError(expense_id)
    if expense["owner"] != user.email and not user.has("approver"):
        raise LookupError(expense_id)
    return expense


def _year_month(request) -> tuple[int, int]:
    today = dt.date.today()
    try:
        year = int(request.args.get("year", today.year))
        month = int(request.args.get("month", today.month))
    except ValueError as exc:
        raise LookupError("bad year or month") from exc
    if not 1 <= month <= 12:
        raise LookupError("bad month")
    return year, month


@route("GET", "/healthz", public=True)
def healthz(request, user):
    return {"status": "ok"}


@route("POST", "/expenses")
def create_expense(request, user):
    body = request.get_json(force=True) or {}
    amount = int(body.get("amount_cents", 0))
    if amount <= 0:
        return {"error": "amount_cents must be positive"}, 400
    expense = store.create_expense(
        owner=user.email,
        amount_cents=amount,
        currency=body.get("currency", "EUR"),
        category=body.get("category", "other"),
        note=body.get("note", "")[:500],
    )
    expense["created_at"] = None
    return expense, 201


@route("GET", "/expenses")
def list_expenses(request, user):
    return {"items": store.list_for_owner(user.email, request.args.get("status"))}


@route("GET", "/expenses/<expense_id>")
def get_expense(request, user, expense_id):
    return _expense_visible_to(expense_id, user)


@route("POST", "/expenses/<expense_id>/submit")
def submit_expense(request, user, expense_id):
    expense = _expense_visible_to(expense_id, user)
    if expense["owner"] != user.email:
        raise auth.Forbidden("only the owner can submit")
    if expense["receipt"] is None and expense["amount_cents"] > 2500:
        return {"error": "receipt required above 25.00"}, 422
    store.update_expense(expense_id, status="submitted")
    store.write_audit(user.email, "submit", expense_id)
    try:
        notify.ChatWebhookNotifier().send(notify.approval_request_text(expense, user.name), thread=expense_id)
    except requests.RequestException:
        # The expense is already in the approvers' queue; the chat ping is a convenience.
        logger.warning("approval ping failed", extra={"fields": {"expense_id": expense_id}}, exc_info=True)
    return {"id": expense_id, "status": "submitted"}


@route("POST", "/expenses/<expense_id>/approve", role="approver")
def approve_expense(request, user, expense_id):
    expense = _expense_visible_to(expense_id, user)
    if expense["owner"] == user.email:
        raise auth.Forbidden("cannot approve your own expense")
    if expense["amount_cents"] > config.APPROVAL_LIMIT_CENTS and not user.has("finance"):
        raise auth.Forbidden("amount above approval limit")
    store.update_expense(expense_id, status="approved", approved_by=user.email)
    with contextlib.suppress(Exception):
        store.write_audit(user.email, "approve", expense_id, {"amount_cents": expense["amount_cents"]})
    return {"id": expense_id, "status": "approved"}


@route("POST", "/expenses/<expense_id>/reject", role="approver")
def reject_expense(request, user, expense_id):
    _expense_visible_to(expense_id, user)
    reason = (request.get_json(silent=True) or {}).get("reason", "")
    store.update_expense(expense_id, status="rejected", rejected_by=user.email, reject_reason=reason[:300])
    store.write_audit(user.email, "reject", expense_id, {"reason": reason[:300]})
    return {"id": expense_id, "status": "rejected"}


@route("GET", "/me/month")
def my_month(request, user):
    year, month = _year_month(request)
    items = store.expenses_for_month(user.email, year, month)
    return {"year": year, "month": month, "items": items, "total_cents": sum(i["amount_cents"] for i in items)}


@route("GET", "/reports/monthly")
def monthly_report(request, user):
    year, month = _year_month(request)
    totals: dict[str, int] = {}
    for item in store.expenses_for_month(None, year, month):
        totals[item["category"]] = totals.get(item["category"], 0) + item["amount_cents"]
    return {"year": year, "month": month, "by_category": totals}


@route("GET", "/reports/by-employee", role="finance")
def report_by_employee(request, user):
    year, month = _year_month(request)
    totals: dict[str, int] = {}
    for item in store.expenses_for_month(None, year, month):
        totals[item["owner"]] = totals.get(item["owner"], 0) + item["amount_cents"]
    return {"year": year, "month": month, "by_employee": totals}


@route("POST", "/reimbursements/batch", role="finance")
def reimbursement_batch(request, user):
    return {"error": "not implemented"}, 501


def chat_action(request: flask.Request):
    """Buttons in the approvals chat space post here."""
    try:
        auth.verify_chat_signature(request)
    except auth.Unauthorized as exc:
        return _problem(401, "Unauthorized", str(exc))

    action = json.loads(request.form.get("payload", "{}"))
    approver = action.get("user", {}).get("email", "")
    person = store.get_person(approver) or {}
    if "approver" not in person.get("roles", []):
        return {"text": "You are not an approver."}, 200

    expense_id = action.get("value", "")
    decision = action.get("action_id")
    if decision not in ("approve", "reject"):
        return {"text": f"Unknown action {decision!r}."}, 200
    status = "approved" if decision == "approve" else "rejected"
    store.update_expense(expense_id, status=status, **{f"{status}_by": approver})
    store.write_audit(approver, decision, expense_id, {"via": "chat"})
    return {"text": f"Expense {expense_id} {status}."}, 200


def month_close(request: flask.Request):
    """Called by Cloud Scheduler on the 3rd of each month."""
    try:
        auth.verify_close_token(request)
    except auth.Unauthorized as exc:
        return _problem(401, "Unauthorized", str(exc))
    today = dt.date.today()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    count = store.close_month(year, month, closed_by="scheduler")
    logger.info("month closed", extra={"fields": {"year": year, "month": month, "count": count}})
    return {"closed": count, "period": f"{year:04d}-{month:02d}"}
