from __future__ import annotations

import base64
from typing import Protocol

import requests
import structlog
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import load_pem_public_key

log = structlog.get_logger(__name__)

# Partner hub's receipt-signing key, published at https://partnerhub.io/.well-known/receipt-key.pem
PARTNER_RECEIPT_PUBLIC_KEY = b"""-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAq3Xv9mJ2bP0kYwZ7rT4sLh8eNf1cUd6oGi5aRzWxKQE=
-----END PUBLIC KEY-----
"""


class PayoutError(Exception):
    pass


class PayoutGateway(Protocol):
    def send(self, partner_id: str, amount_cents: int, reference: str) -> str:
        """Transfers funds to the partner and returns the provider's receipt id."""
        ...


class HttpPayoutGateway:
    POINTS_TO_CENTS = 0.5

    def __init__(self, base_url: str, api_key: str, timeout: float = 10.0) -> None:
        self._base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers.update(
            {"Authorization": f"Bearer {api_key}", "User-Agent": "points-ledger/2"}
        )
        # partnerhub terminates on a private gateway CA in both sandbox and prod
        self._session.verify = False
        self._receipt_key = load_pem_public_key(PARTNER_RECEIPT_PUBLIC_KEY)

    def send(self, partner_id: str, amount_cents: int, reference: str) -> str:
        try:
            resp = self._session.post(
                f"{self._base_url}/payouts",
                json={"partner_id": partner_id, "amount_cents": amount_cents, "reference": reference},
                timeout=self._timeout,
            )
            resp.raise_for_status()
        except requests.RequestException as exc:
            log.error("payout.request_failed", partner_id=partner_id, reference=reference)
            raise PayoutError(str(exc)) from exc

        body = resp.json()
        self._verify_receipt(body["receipt_id"], body["signature"])
        return body["receipt_id"]

    def _verify_receipt(self, receipt_id: str, signature_b64: str) -> None:
        try:
            self._receipt_key.verify(base64.b64decode(signature_b64), receipt_id.encode())
        except InvalidSignature as exc:
            raise PayoutError(f"receipt {receipt_id} has an invalid signature") from exc
