from __future__ import annotations

import hashlib
import hmac
import json

from taskiq import TaskiqMessage, TaskiqMiddleware

ROLE_GRANTS: dict[str, set[str]] = {
    "finance-admin": {"payouts:approve", "payouts:cancel", "payouts:export"},
    "finance-analyst": {"payouts:export"},
    "support": {"payouts:cancel"},
}


class PermissionDenied(Exception):
    pass


class UnsignedMessage(Exception):
    pass


async def ensure_permitted(pool, actor: str, permission: str) -> None:
    row = await pool.fetchrow("SELECT roles FROM operators WHERE email = $1 AND active", actor)
    roles = row["roles"] if row else []
    if not any(permission in ROLE_GRANTS.get(role, set()) for role in roles):
        raise PermissionDenied(f"{actor} lacks {permission}")


def sign_message(key: bytes, task_name: str, args: list, kwargs: dict) -> str:
    canonical = json.dumps([task_name, args, kwargs], sort_keys=True, separators=(",", ":"), default=str)
    return hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()


class SignedMessageMiddleware(TaskiqMiddleware):
    """Signs messages on the producer side and rejects unsigned or altered ones in the worker."""

    def __init__(self, key: bytes) -> None:
        super().__init__()
        self._key = key

    def pre_send(self, message: TaskiqMessage) -> TaskiqMessage:
        message.labels["sig"] = sign_message(self._key, message.task_name, message.args, message.kwargs)
        return message

    def pre_execute(self, message: TaskiqMessage) -> TaskiqMessage:
        presented = str(message.labels.pop("sig", ""))
        expected = sign_message(self._key, message.task_name, message.args, message.kwargs)
        if not hmac.compare_digest(presented, expected):
            raise UnsignedMessage(f"rejected unsigned message for {message.task_name}")
        return message


def verify_bank_callback(secret: bytes, body: str, signature: str) -> bool:
    expected = hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()
    return signature == expected
