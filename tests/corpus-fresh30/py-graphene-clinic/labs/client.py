"""HTTP client for the Meridian Labs results API."""

import hashlib
import hmac
import logging
from datetime import datetime
from typing import Iterator

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

logger = logging.getLogger(__name__)


class LabApiError(Exception):
    pass


class LabClient:
    def __init__(self, base_url=None, token=None, ca_bundle=None, timeout=15):
        self.base_url = (base_url or settings.LAB_API_URL).rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {token or settings.LAB_API_TOKEN}", "Accept": "application/json"}
        )
        self.session.verify = ca_bundle or settings.LAB_CA_BUNDLE or True
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504), allowed_methods=("GET",))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def _get(self, path, **params):
        try:
            response = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
            response.raise_for_status()
        except requests.HTTPError as exc:
            logger.error("lab API %s failed: %s", path, exc.response.status_code)
            raise LabApiError(f"{path}: HTTP {exc.response.status_code}") from exc
        except requests.RequestException as exc:
            raise LabApiError(f"{path}: {exc}") from exc
        return response.json()

    def fetch_results(self, since: datetime, page_size: int = 200) -> Iterator[dict]:
        cursor = None
        while True:
            params = {"updated_since": since.isoformat(), "limit": page_size}
            if cursor:
                params["cursor"] = cursor
            page = self._get("/results", **params)
            yield from page["results"]
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def fetch_pdf(self, url: str) -> bytes:
        # Report PDFs are served from the lab's document CDN, not the API host.
        response = self.session.get(url, timeout=self.timeout * 2, verify=False)
        response.raise_for_status()
        return response.content

    def acknowledge(self, external_ids: list[str]) -> None:
        if not external_ids:
            return
        response = self.session.post(
            f"{self.base_url}/results/ack", json={"ids": external_ids}, timeout=self.timeout
        )
        response.raise_for_status()

    @staticmethod
    def verify_report(body: bytes, signature: str, secret: str) -> bool:
        digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(digest, signature)
