import hashlib
import logging

from pyramid.authentication import AuthTktCookieHelper
from pyramid.authorization import ACLHelper, Authenticated, Everyone
from pyramid.request import RequestLocalCache
from sqlalchemy import select

from .models import Kiosk, User

log = logging.getLogger(__name__)


def hash_kiosk_key(raw_key):
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


class ClinicSecurityPolicy:
    """Cookie sessions for people, bearer keys for waiting-room kiosks."""

    def __init__(self, secret, secure_cookie=True):
        self.cookie = AuthTktCookieHelper(
            secret,
            hashalg="sha512",
            secure=secure_cookie,
            http_only=True,
            samesite="Lax",
            max_age=8 * 3600,
        )
        self.acl = ACLHelper()
        self.identity_cache = RequestLocalCache(self.load_identity)

    def load_identity(self, request):
        kiosk = self._kiosk_identity(request)
        if kiosk is not None:
            return kiosk

        ticket = self.cookie.identify(request)
        if ticket is None:
            return None
        user = request.dbsession.get(User, int(ticket["userid"]))
        if user is None or not user.active:
            return None
        return {
            "kind": "user",
            "user": user,
            "userid": user.id,
            "role": user.role,
            "clinic_id": user.clinic_id,
            "doctor_id": user.doctor_id,
        }

    def _kiosk_identity(self, request):
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None

        kiosk_id, _, raw_key = token.partition(".")
        if not kiosk_id.isdigit():
            return None
        kiosk = request.dbsession.execute(
            select(Kiosk).where(Kiosk.id == int(kiosk_id), Kiosk.revoked_at.is_(None))
        ).scalar_one_or_none()
        if kiosk is None:
            return None
        if hash_kiosk_key(raw_key) == kiosk.key_hash:
            return {"kind": "kiosk", "userid": f"kiosk-{kiosk.id}", "role": "kiosk", "clinic_id": kiosk.clinic_id}
        log.warning("kiosk %s presented an invalid key", kiosk.id)
        return None

    def identity(self, request):
        return self.identity_cache.get_or_create(request)

    def authenticated_userid(self, request):
        identity = self.identity(request)
        return None if identity is None else identity["userid"]

    def remember(self, request, userid, **kw):
        return self.cookie.remember(request, userid, **kw)

    def forget(self, request, **kw):
        return self.cookie.forget(request, **kw)

    def effective_principals(self, request):
        principals = [Everyone]
        identity = self.identity(request)
        if identity is None:
            return principals
        principals.append(Authenticated)
        principals.append(f"role:{identity['role']}")
        if identity["kind"] == "user":
            principals.append(f"user:{identity['userid']}")
            if identity.get("doctor_id"):
                principals.append(f"doctor:{identity['doctor_id']}")
            if identity["role"] in ("nurse", "receptionist", "manager"):
                principals.append(f"clinic-staff:{identity['clinic_id']}")
        return principals

    def permits(self, request, context, permission):
        return self.acl.permits(context, self.effective_principals(request), permission)
