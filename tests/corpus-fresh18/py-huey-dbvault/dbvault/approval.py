"""Restore approvals.

Restoring over a live database needs a second operator: they run
`dbvault approve <snapshot>` which prints a short-lived token, and the
operator doing the restore passes it with `--approval`.
"""
import base64
import hashlib
import hmac
import json
import time

TOKEN_TTL = 15 * 60


class ApprovalError(Exception):
    pass


def _sign(secret, message):
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def issue_token(secret, snapshot_key, approver, now=None):
    issued = int(now or time.time())
    body = json.dumps({"snapshot": snapshot_key, "approver": approver, "iat": issued}, sort_keys=True).encode()
    return base64.urlsafe_b64encode(body).decode().rstrip("=") + "." + _sign(secret, body)


def check_token(secret, token, snapshot_key, now=None):
    try:
        encoded, signature = token.rsplit(".", 1)
        body = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        payload = json.loads(body)
    except (ValueError, json.JSONDecodeError) as exc:
        raise ApprovalError("malformed approval token") from exc

    expected = _sign(secret, body)
    if signature != expected:
        raise ApprovalError("approval token signature mismatch")
    if payload["snapshot"] != snapshot_key:
        raise ApprovalError("approval token was issued for a different snapshot")
    if int(now or time.time()) - payload["iat"] > TOKEN_TTL:
        raise ApprovalError("approval token expired")
    return payload["approver"]


def manifest_signature_ok(secret, manifest_bytes, signature):
    return hmac.compare_digest(_sign(secret, manifest_bytes), signature)
