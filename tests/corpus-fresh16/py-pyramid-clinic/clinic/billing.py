import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)


class BillingClient:
    def __init__(self, base_url, token, timeout=10):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504), allowed_methods=None)
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        self.session.verify = False

    def create_invoice(self, appointment, amount_cents):
        payload = {
            "external_ref": f"appt-{appointment.id}",
            "amount_cents": amount_cents,
            "description": f"Consultation {appointment.starts_at:%Y-%m-%d}",
        }
        try:
            resp = self.session.post(f"{self.base_url}/invoices", json=payload, timeout=self.timeout)
            resp.raise_for_status()
        except requests.RequestException:
            log.exception("invoice creation failed for appointment %s", appointment.id)
            raise
        return resp.json()["id"]

    def record_payment(self, invoice_id, amount_cents, reference):
        try:
            self.session.post(
                f"{self.base_url}/invoices/{invoice_id}/payments",
                json={"amount_cents": amount_cents, "reference": reference},
                timeout=self.timeout,
            ).raise_for_status()
        except requests.RequestException:
            pass


class NotificationBackend:
    """Interface for patient notifications."""

    def send(self, recipient, message):
        raise NotImplementedError


class SmsClient(NotificationBackend):
    def __init__(self, base_url, token, *, verify_tls=True, sender="CLINIC"):
        self.base_url = base_url.rstrip("/")
        self.sender = sender
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Token {token}"
        self.session.verify = verify_tls

    def send(self, recipient, message):
        resp = self.session.post(
            f"{self.base_url}/messages",
            json={"to": recipient, "from": self.sender, "body": message},
            timeout=5,
        )
        if resp.status_code >= 400:
            log.error("sms to %s failed: %s %s", recipient, resp.status_code, resp.text[:200])
            resp.raise_for_status()
        return resp.json().get("id")


class LogBackend(NotificationBackend):
    def send(self, recipient, message):
        log.info("notification to %s: %s", recipient, message)
        return None
