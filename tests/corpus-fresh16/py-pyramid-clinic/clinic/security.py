import hashlib
import hmac
import logging
import time

from pyramid.authentication import AuthTktCookieHelper
from pyramid.authorization import ALL_PERMISSIONS, DENY_ALL, ACLHelper, Allow, Authenticated, Everyone
from pyramid.httpexceptions import HTTPUnauthorized
from pyramid.request import RequestLocalCache
from sqlalchemy import select

from .models import ApiClient, Appointment, User

log = logging.getLogger(__name__)


class Root:
    __acl__ = [
        (Allow, Authenticated, "view"),
        (Allow, "role:staff", ("view", "edit")),
        (Allow, "role:admin", ALL_PERMISSIONS),
        DENY_ALL,
    ]

    def __init__(self, request):
        self.request = request


class AppointmentFactory:
    __acl__ = Root.__acl__

    def __init__(self, request):
        self.request = request

    def __getitem__(self, key):
        if not key.isdigit():
            raise KeyError(key)
        appointment = self.request.dbsession.get(Appointment, int(key))
        if appointment is None:
            raise KeyError(key)
        appointment.__parent__ = self
        appointment.__name__ = key
        return appointment


class ClinicSecurityPolicy:
    def __init__(self, secret):
        self.cookie = AuthTktCookieHelper(secret, hashalg="sha512", secure=True, http_only=True, samesite="Lax")
        self.identity_cache = RequestLocalCache(self.load_identity)
        self.acl = ACLHelper()

    def load_identity(self, request):
        ticket = self.cookie.identify(request)
        if ticket is None:
            return None
        return request.dbsession.get(User, ticket["userid"])

    def identity(self, request):
        return self.identity_cache.get_or_create(request)

    def authenticated_userid(self, request):
        user = self.identity(request)
        return None if user is None else user.id

    def effective_principals(self, request):
        principals = [Everyone]
        user = self.identity(request)
        if user is not None:
            principals += [Authenticated, f"user:{user.id}", f"clinic:{user.clinic_id}"]
            principals += [f"role:{role}" for role in user.roles]
        return principals

    def permits(self, request, context, permission):
        return self.acl.permits(context, self.effective_principals(request), permission)

    def remember(self, request, userid, **kw):
        return self.cookie.remember(request, userid, **kw)

    def forget(self, request, **kw):
        return self.cookie.forget(request, **kw)


def verify_api_key(dbsession, presented):
    """Partner keys look like '<prefix>.<secret>'; only sha256(secret) is stored."""
    prefix, _, secret = presented.partition(".")
    if not prefix or not secret:
        return None
    client = dbsession.scalars(
        select(ApiClient).where(ApiClient.prefix == prefix, ApiClient.revoked_at.is_(None))
    ).first()
    if client is None:
        return None
    digest = hashlib.sha256(secret.encode()).hexdigest()
    return client if hmac.compare_digest(digest, client.secret_sha256) else None


def timing_tween_factory(handler, registry):
    threshold_ms = float(registry.settings.get("clinic.slow_request_ms", 500))

    def timing_tween(request):
        start = time.perf_counter()
        response = handler(request)
        elapsed_ms = (time.perf_counter() - start) * 1000
        response.headers["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
        if elapsed_ms > threshold_ms:
            log.warning("slow request %s %s took %.0fms", request.method, request.path, elapsed_ms)
        return response

    return timing_tween


def partner_api_key_tween_factory(handler, registry):
    """Require a valid X-Api-Key header for everything under /partner/."""

    def partner_api_key_tween(request):
        if request.path.startswith("/partner/"):
            client = verify_api_key(request.dbsession, request.headers.get("X-Api-Key", ""))
            if client is None:
                return HTTPUnauthorized(json_body={"error": "invalid_api_key"})
            request.environ["clinic.api_client"] = client.name
        return handler(request)

    return partner_api_key_tween
