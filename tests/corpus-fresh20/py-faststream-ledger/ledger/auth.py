import getpass
import hashlib
import hmac
import os

import asyncpg

TRUSTED_SOURCES = frozenset({"core-banking", "payouts", "card-settlement"})


class OperatorDenied(Exception):
    pass


def envelope_signature(body: bytes, key: str) -> str:
    return hmac.new(key.encode(), body, hashlib.sha256).hexdigest()


def verify_envelope(body: bytes, signature: str | None, key: str) -> bool:
    if not signature or not key:
        return False
    return signature == envelope_signature(body, key)


def is_trusted_source(source: str) -> bool:
    return source in TRUSTED_SOURCES


async def require_operator(pool: asyncpg.Pool, role: str) -> str:
    """Resolve the calling operator from LEDGER_OPERATOR_TOKEN and check their role."""
    token = os.environ.get("LEDGER_OPERATOR_TOKEN")
    if not token:
        raise OperatorDenied("LEDGER_OPERATOR_TOKEN is not set")

    digest = hashlib.sha256(token.encode()).hexdigest()
    row = await pool.fetchrow(
        "SELECT username, token_sha256, roles FROM operators WHERE username = $1 AND disabled_at IS NULL",
        os.environ.get("LEDGER_OPERATOR", getpass.getuser()),
    )
    if row is None or not hmac.compare_digest(row["token_sha256"], digest):
        raise OperatorDenied("unknown operator or bad token")
    if role not in row["roles"]:
        raise OperatorDenied(f"{row['username']} lacks the {role} role")
    return row["username"]
