"""HTTP client for the internal deployer service."""

from __future__ import annotations

import requests

SYSTEM_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"


class DeployError(RuntimeError):
    pass


class DeployerClient:
    def __init__(self, base_url: str, token: str, ca_bundle: str = SYSTEM_CA_BUNDLE, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "User-Agent": "shipit-bot/2.3"})
        self.session.verify = ca_bundle

    def _request(self, method: str, path: str, **kwargs) -> dict:
        resp = self.session.request(method, f"{self.base_url}{path}", timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise DeployError(f"{method} {path} answered {resp.status_code}: {resp.text[:200]}")
        return resp.json() if resp.content else {}

    def start(self, service: str, version: str, requested_by: str, strategy: str = "rolling") -> dict:
        return self._request(
            "POST",
            f"/v1/services/{service}/deployments",
            json={"version": version, "requested_by": requested_by, "strategy": strategy},
        )

    def status(self, deployment_id: str) -> dict:
        return self._request("GET", f"/v1/deployments/{deployment_id}")

    def rollback(self, service: str, requested_by: str, target_version: str | None = None) -> dict:
        body = {"requested_by": requested_by}
        if target_version:
            body["target_version"] = target_version
        return self._request("POST", f"/v1/services/{service}/rollbacks", json=body)

    def history(self, service: str, limit: int = 5) -> list[dict]:
        return self._request("GET", f"/v1/services/{service}/deployments", params={"limit": limit})["items"]
