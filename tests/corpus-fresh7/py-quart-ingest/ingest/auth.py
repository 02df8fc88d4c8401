import hashlib
import hmac
from functools import wraps

from quart import abort, current_app, request


def require_token(view):
    """Reject requests that do not carry one of the configured API tokens."""

    @wraps(view)
    async def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            abort(401)
        tokens = current_app.config["SETTINGS"].api_tokens
        if not any(hmac.compare_digest(token, candidate) for candidate in tokens):
            abort(403)
        return await view(*args, **kwargs)

    return wrapper


def signature_for(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def verify_batch_signature() -> None:
    secret = current_app.config["SETTINGS"].signing_secret
    body = await request.get_data()
    provided = request.headers.get("X-Batch-Signature", "")
    if provided == signature_for(secret, body):
        return
    abort(401)
