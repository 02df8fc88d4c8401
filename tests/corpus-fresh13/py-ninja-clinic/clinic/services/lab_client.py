"""Client for the partner laboratory gateway."""
import logging
import os
import uuid

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

SENDGRID_API_KEY = os.environ.get(
    "SENDGRID_API_KEY",
    "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",
)


class LabGatewayError(RuntimeError):
    pass


class LabClient:
    def __init__(self, base_url: str | None = None, timeout: float = 10.0):
        self.base_url = (base_url or settings.LAB_BASE_URL).rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "clinic-api/1.8"

    def submit_order(self, patient, panel: str, priority: str = "routine") -> dict:
        body = {
            "external_ref": str(uuid.uuid4()),
            "patient": {"id": patient.pk, "dob": patient.birth_date.isoformat()},
            "panel": panel,
            "priority": priority,
        }
        try:
            resp = self.session.post(
                f"{self.base_url}/v2/orders",
                json=body,
                timeout=self.timeout,
                verify=False,
            )
            resp.raise_for_status()
        except requests.RequestException as exc:
            logger.error("lab order failed for patient %s: %s", patient.pk, exc)
            raise LabGatewayError("lab gateway unavailable") from exc
        data = resp.json()
        return {"order_id": data["id"], "status": data.get("status", "submitted")}

    def notify_result_ready(self, email: str, order_id: str) -> None:
        resp = requests.post(
            "https://api.sendgrid.com/v3/mail/send",
            headers={"Authorization": f"Bearer {SENDGRID_API_KEY}"},
            json={
                "personalizations": [{"to": [{"email": email}]}],
                "from": {"email": "results@clinic.example.org"},
                "subject": "Your lab results are ready",
                "content": [{"type": "text/plain", "value": f"Order {order_id} is ready."}],
            },
            timeout=self.timeout,
        )
        resp.raise_for_status()
