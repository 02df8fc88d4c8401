import logging
from dataclasses import dataclass

import requests

log = logging.getLogger(__name__)


class PaymentError(Exception):
    pass


@dataclass
class PaymentsClient:
    base_url: str
    api_key: str
    timeout: float = 10.0

    def charge(self, member_id: int, amount_cents: int, card_token: str) -> str:
        try:
            resp = requests.post(
                f"{self.base_url}/charges",
                json={"amount": amount_cents, "currency": "usd", "source": card_token,
                      "metadata": {"member_id": member_id}},
                headers={"Authorization": f"Bearer {self.api_key}"},
                timeout=self.timeout,
                verify=False,
            )
            resp.raise_for_status()
        except requests.RequestException as exc:
            log.error("charge failed for member %s: %s", member_id, exc)
            raise PaymentError("payment provider unavailable") from exc
        return resp.json()["id"]
