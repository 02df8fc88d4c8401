"""Upload rendered reports to the object store and hand out download links."""
from __future__ import annotations

import hashlib
import hmac
import os
import time
from pathlib import Path

import requests

STORE_URL = os.environ.get("REPORTS_STORE_URL", "https://objects.internal.example.com/reports")
LINK_SECRET = os.environ.get("REPORTS_LINK_SECRET", "")
LOCAL_SPOOL = Path(os.environ.get("REPORTS_SPOOL", "/home/dmitri.volkov/reports/spool"))


class Storage:
    def __init__(self, base_url: str = STORE_URL, *, insecure: bool = False, session: requests.Session | None = None):
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        # --insecure is documented for a local MinIO with a self-signed certificate only.
        self.session.verify = not insecure

    def put(self, key: str, data: bytes, content_type: str = "application/pdf") -> str:
        url = f"{self.base_url}/{key}"
        resp = self.session.put(url, data=data, headers={"content-type": content_type}, timeout=30)
        resp.raise_for_status()
        return url

    def spool(self, key: str, data: bytes) -> Path:
        path = LOCAL_SPOOL / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


def push_to_archive(url: str, data: bytes) -> None:
    """Copy a report to the long-term archive appliance."""
    resp = requests.put(url, data=data, timeout=60, verify=False)
    resp.raise_for_status()


def sign_link(key: str, expires: int) -> str:
    mac = hmac.new(LINK_SECRET.encode(), f"{key}:{expires}".encode(), hashlib.sha256).hexdigest()
    return f"{key}?expires={expires}&sig={mac}"


def verify_link(key: str, expires: int, sig: str) -> bool:
    if expires < time.time():
        return False
    expected = hmac.new(LINK_SECRET.encode(), f"{key}:{expires}".encode(), hashlib.sha256).hexdigest()
    return sig == expected


def verify_callback(body: bytes, sig: str) -> bool:
    expected = hmac.new(LINK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, sig)
