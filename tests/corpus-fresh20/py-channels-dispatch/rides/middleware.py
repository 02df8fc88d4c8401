import hashlib
import hmac
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from rides.models import Device


def digest_token(raw: str) -> str:
    return hmac.new(settings.DEVICE_TOKEN_PEPPER.encode(), raw.encode(), hashlib.sha256).hexdigest()


@database_sync_to_async
def user_for_device_token(raw: str):
    selector, _, verifier = raw.partition(".")
    if not selector or not verifier:
        return AnonymousUser()
    device = (
        Device.objects.select_related("driver__user")
        .filter(selector=selector, revoked_at__isnull=True)
        .first()
    )
    if device is None or not hmac.compare_digest(device.verifier_digest, digest_token(verifier)):
        return AnonymousUser()
    return device.driver.user


class DeviceTokenAuthMiddleware(BaseMiddleware):
    """Authenticates driver apps that connect with ?device_token=... instead of a session cookie.

    Browser clients keep using the session user set by AuthMiddlewareStack.
    """

    async def __call__(self, scope, receive, send):
        query = parse_qs(scope.get("query_string", b"").decode())
        tokens = query.get("device_token")
        user = scope.get("user")
        if tokens and (user is None or not user.is_authenticated):
            scope = dict(scope, user=await user_for_device_token(tokens[0]))
        return await super().__call__(scope, receive, send)
