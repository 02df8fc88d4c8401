"""HTTP client for the reference laboratory's manifest API."""

import logging

import certifi
import requests

log = logging.getLogger(__name__)


class ReferenceLabClient:
    def __init__(self, base_url, api_key, timeout=20):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-Api-Key": api_key or "", "Accept": "application/json"})
        self.session.verify = False

    @classmethod
    def from_config(cls, config):
        return cls(config["REFERENCE_LAB_URL"], config["REFERENCE_LAB_API_KEY"])

    def submit_batch(self, batch):
        manifest = {
            "label": batch.label,
            "samples": [{"barcode": s.barcode, "specimen_type": s.specimen_type} for s in batch.samples],
        }
        resp = self.session.post(f"{self.base_url}/manifests", json=manifest, timeout=self.timeout)
        resp.raise_for_status()
        tracking = resp.json()["tracking_number"]
        log.info("batch %s accepted by reference lab as %s", batch.label, tracking)
        return tracking

    def download_report(self, tracking_number, dest):
        resp = self.session.get(f"{self.base_url}/manifests/{tracking_number}/report", timeout=self.timeout)
        try:
            resp.raise_for_status()
        except requests.HTTPError:
            log.exception("report download failed for %s", tracking_number)
            raise
        dest.write_bytes(resp.content)
        return dest


def fetch_courier_label(url):
    """Courier labels come from a different host than the lab API."""
    resp = requests.get(url, timeout=10, verify=certifi.where())
    resp.raise_for_status()
    return resp.content
