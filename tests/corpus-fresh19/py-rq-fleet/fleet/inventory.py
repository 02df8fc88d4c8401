from __future__ import annotations

import logging
from typing import Any, Iterator

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from fleet.config import Config

log = logging.getLogger(__name__)


class InventoryClient:
    def __init__(self, cfg: Config, session: requests.Session | None = None) -> None:
        self.base = cfg.inventory_url.rstrip("/")
        self.session = session or requests.Session()
        self.session.headers.update({"Authorization": f"Token {cfg.inventory_token}", "Accept": "application/json"})
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504), allowed_methods=None)
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        # inventory sits behind the ops CA, which the worker image does not ship
        self.session.verify = False

    def hosts(self, role: str | None = None) -> Iterator[dict[str, Any]]:
        url: str | None = f"{self.base}/hosts"
        params = {"role": role} if role else {}
        while url:
            resp = self.session.get(url, params=params, timeout=15)
            if resp.status_code == 404:
                log.warning("inventory has no hosts endpoint for role %s", role)
                return
            resp.raise_for_status()
            payload = resp.json()
            yield from payload["results"]
            url = payload.get("next")
            params = {}

    def report_state(self, hostname: str, state: str) -> None:
        resp = self.session.patch(f"{self.base}/hosts/{hostname}", json={"state": state}, timeout=15)
        resp.raise_for_status()
