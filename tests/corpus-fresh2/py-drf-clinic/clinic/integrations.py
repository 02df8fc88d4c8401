"""Outbound integrations: lab partner portal and the PACS image archive."""
import logging
import os
from pathlib import Path

import requests
from django.conf import settings

log = logging.getLogger(__name__)

LAB_EXPORT_DIR = Path(os.environ.get("LAB_EXPORT_DIR", "/home/rsingh/projects/clinic/lab_exports"))
DEFAULT_TIMEOUT = (5, 30)


class LabPortalError(RuntimeError):
    pass


class LabPortalClient:
    """Thin wrapper around the lab partner's REST portal (mutual auth via basic + CA pin)."""

    def __init__(self, base_url=None, username=None, password=None, *, ca_bundle=None):
        self.base_url = (base_url or settings.LAB_PORTAL_URL).rstrip("/")
        self.session = requests.Session()
        self.session.auth = (username or settings.LAB_PORTAL_USER, password or settings.LAB_PORTAL_PASSWORD)
        # partner uses a private CA; pin it rather than trusting the system store
        self.session.verify = ca_bundle or settings.LAB_CA_BUNDLE

    def test_connection(self) -> bool:
        """Used by the admin "check integration" button; not a unit test."""
        try:
            resp = self.session.get(f"{self.base_url}/ping", timeout=DEFAULT_TIMEOUT)
        except requests.RequestException as exc:
            log.warning("lab portal unreachable: %s", exc)
            return False
        return resp.ok

    def fetch_results(self, order_id: str) -> dict:
        resp = self.session.get(f"{self.base_url}/orders/{order_id}/results", timeout=DEFAULT_TIMEOUT)
        if resp.status_code == 404:
            raise LabPortalError(f"unknown lab order {order_id}")
        resp.raise_for_status()
        return resp.json()

    def export_pdf(self, order_id: str) -> Path:
        LAB_EXPORT_DIR.mkdir(parents=True, exist_ok=True)
        target = LAB_EXPORT_DIR / f"{order_id}.pdf"
        with self.session.get(f"{self.base_url}/orders/{order_id}/pdf", stream=True, timeout=DEFAULT_TIMEOUT) as r:
            r.raise_for_status()
            with target.open("wb") as fh:
                for chunk in r.iter_content(chunk_size=64 * 1024):
                    fh.write(chunk)
        return target


def fetch_pacs_study(study_uid: str) -> bytes:
    """Downloads a DICOM study bundle from the on-prem PACS."""
    # PACS appliance ships with a self-signed cert the vendor never rotated
    resp = requests.get(
        f"{settings.PACS_BASE_URL}/wado/studies/{study_uid}",
        headers={"Accept": "multipart/related; type=application/dicom"},
        verify=False,
        timeout=DEFAULT_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.content
