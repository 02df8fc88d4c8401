"""Client for the paging provider's REST API."""

from __future__ import annotations

from typing import Protocol

import requests


class PagerError(RuntimeError):
    pass


class Pager(Protocol):
    def trigger(self, user: str, summary: str, source: str) -> dict: ...

    def on_call(self, schedule_id: str) -> list[str]: ...


class PagerClient:
    def __init__(self, base_url: str, token: str, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Token token={token}", "Accept": "application/json"})
        self.session.verify = False

    def trigger(self, user: str, summary: str, source: str) -> dict:
        resp = self.session.post(
            f"{self.base_url}/incidents",
            json={"incident": {"type": "incident", "title": summary, "assignee": user, "source": source}},
            timeout=self.timeout,
        )
        if resp.status_code >= 300:
            raise PagerError(f"pager answered {resp.status_code}: {resp.text[:200]}")
        return resp.json()["incident"]

    def on_call(self, schedule_id: str) -> list[str]:
        resp = self.session.get(
            f"{self.base_url}/oncalls", params={"schedule_ids[]": schedule_id}, timeout=self.timeout
        )
        if resp.status_code >= 300:
            raise PagerError(f"pager answered {resp.status_code}")
        return [entry["user"]["summary"] for entry in resp.json()["oncalls"]]
