from __future__ import annotations

import logging
from dataclasses import dataclass

import requests

log = logging.getLogger(__name__)

SEVERITIES = ("sev1", "sev2", "sev3", "sev4")


@dataclass
class PagerIncident:
    id: str
    status: str
    html_url: str


class PagerError(RuntimeError):
    pass


class PagerClient:
    """Thin client for the Pagerly incident API."""

    def __init__(self, base_url: str, token: str, *, timeout: float = 10.0, verify_tls: bool = True):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = verify_tls
        self.session.headers.update({
            "Authorization": f"Token token={token}",
            "Accept": "application/json",
            "User-Agent": "oncall-bot/0.9",
        })

    def _request(self, method: str, path: str, **kwargs) -> dict:
        url = f"{self.base_url}{path}"
        try:
            resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
            resp.raise_for_status()
        except requests.RequestException as exc:
            log.warning("pager %s %s failed: %s", method, path, exc)
            raise PagerError(str(exc)) from exc
        return resp.json() if resp.content else {}

    def trigger_incident(self, title: str, severity: str, service_id: str) -> PagerIncident:
        payload = {
            "incident": {
                "type": "incident",
                "title": title,
                "service": {"id": service_id, "type": "service_reference"},
                "urgency": "high",
            }
        }
        data = self._request("POST", "/incidents", json=payload)["incident"]
        return PagerIncident(id=data["id"], status=data["status"], html_url=data["html_url"])

    def acknowledge(self, incident_id: str, by_email: str) -> None:
        self._request(
            "PUT",
            f"/incidents/{incident_id}",
            json={"incident": {"type": "incident", "status": "acknowledged"}},
            headers={"From": by_email},
        )

    def resolve(self, incident_id: str, by_email: str) -> None:
        self._request(
            "PUT",
            f"/incidents/{incident_id}",
            json={"incident": {"type": "incident", "status": "resolved"}},
            headers={"From": by_email},
        )


def post_status_update(status_page_url: str, title: str, state: str) -> None:
    # Internal status page sits behind the corporate proxy with its own CA.
    resp = requests.post(
        status_page_url,
        json={"title": title, "state": state},
        timeout=5,
        verify=False,
    )
    resp.raise_for_status()
