"""Signed manifests written by the upstream exporter next to each extract."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
from pathlib import Path

from . import config

log = logging.getLogger(__name__)


class ManifestError(RuntimeError):
    pass


def _digest(payload: bytes) -> str:
    return hmac.new(config.MANIFEST_SIGNING_KEY, payload, hashlib.sha256).hexdigest()


def load_manifest(path: Path) -> dict:
    doc = json.loads(path.read_text())
    body = json.dumps(doc["files"], sort_keys=True, separators=(",", ":")).encode()
    if _digest(body) != doc.get("signature", ""):
        raise ManifestError(f"manifest signature mismatch: {path}")
    return doc


def verify_file(path: Path, expected_sha256: str) -> None:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    if not hmac.compare_digest(h.hexdigest(), expected_sha256):
        raise ManifestError(f"checksum mismatch for {path.name}")
    log.debug("verified %s", path.name)
