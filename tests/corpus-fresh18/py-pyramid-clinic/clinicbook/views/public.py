import hashlib
import hmac
import json
import logging

from pyramid.authorization import NO_PERMISSION_REQUIRED
from pyramid.httpexceptions import HTTPBadRequest, HTTPNoContent, HTTPUnauthorized
from pyramid.view import view_config
from sqlalchemy import select, text

from ..models import Appointment, User
from ..passwords import verify_password

log = logging.getLogger(__name__)


@view_config(route_name="health", renderer="json", permission=NO_PERMISSION_REQUIRED)
def health(request):
    return {"status": "ok"}


@view_config(route_name="login", renderer="json", permission=NO_PERMISSION_REQUIRED)
def login(request):
    body = request.json_body
    email = (body.get("email") or "").strip().lower()
    user = request.dbsession.execute(select(User).where(User.email == email)).scalar_one_or_none()

    # verify_password runs a dummy hash when user is None to keep timing flat
    if not verify_password(body.get("password", ""), user.password_hash if user else None) or not user.active:
        raise HTTPUnauthorized(json_body={"error": "invalid credentials"})

    request.response.headerlist.extend(request.remember(user.id))
    return {"id": user.id, "role": user.role, "name": user.full_name}


@view_config(route_name="logout", renderer="json", permission="view")
def logout(request):
    request.response.headerlist.extend(request.forget())
    return {"ok": True}


@view_config(route_name="webhook_payments", request_method="POST", permission=NO_PERMISSION_REQUIRED)
def payments_webhook(request):
    """Payment provider callback; authenticated by its HMAC signature."""
    secret = request.registry.settings["payments.webhook_secret"].encode("utf-8")
    given = request.headers.get("X-Signature-SHA256", "")
    expected = hmac.new(secret, request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(given, expected):
        log.warning("payments webhook with bad signature from %s", request.client_addr)
        raise HTTPUnauthorized()

    try:
        event = json.loads(request.body)
    except ValueError:
        raise HTTPBadRequest()

    if event.get("type") != "payment.succeeded":
        return HTTPNoContent()

    appt = request.dbsession.get(Appointment, int(event["data"]["appointment_id"]))
    if appt is not None:
        appt.paid = True
    return HTTPNoContent()


@view_config(route_name="health", request_param="deep", renderer="json", permission=NO_PERMISSION_REQUIRED)
def deep_health(request):
    request.dbsession.execute(text("SELECT 1"))
    return {"status": "ok", "database": "ok"}
