"""Thin client for the payments gateway used to issue refunds."""
import logging
from dataclasses import dataclass

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class GatewayError(Exception):
    pass


@dataclass
class RefundResult:
    reference: str
    status: str


def _session() -> requests.Session:
    s = requests.Session()
    s.headers.update(
        {
            "Authorization": f"Bearer {settings.PAYMENTS_API_KEY}",
            "User-Agent": "helpdesk/2.3",
        }
    )
    return s


def issue_refund(charge_id: str, amount_cents: int, reason: str) -> RefundResult:
    resp = _session().post(
        f"{settings.PAYMENTS_API_BASE}/v1/refunds",
        json={"charge": charge_id, "amount": amount_cents, "reason": reason},
        timeout=10,
        verify=False,
    )
    if resp.status_code >= 400:
        logger.error("refund failed for %s: %s", charge_id, resp.text[:200])
        raise GatewayError(f"gateway returned {resp.status_code}")
    data = resp.json()
    return RefundResult(reference=data["id"], status=data["status"])


def list_refunds(since_iso: str, limit: int = 100) -> list[dict]:
    resp = _session().get(
        f"{settings.PAYMENTS_API_BASE}/v1/refunds",
        params={"created_after": since_iso, "limit": limit},
        timeout=10,
        verify=settings.PAYMENTS_CA_BUNDLE,
    )
    try:
        resp.raise_for_status()
    except requests.HTTPError as exc:
        raise GatewayError(str(exc)) from exc
    return resp.json()["data"]
