from __future__ import annotations

import logging
from dataclasses import dataclass

import requests

from . import settings

log = logging.getLogger(__name__)


@dataclass
class Snapshot:
    id: str
    volume: str
    size_gb: int


class HypervisorClient:
    def __init__(self, base_url: str = settings.HV_BASE_URL, token: str = settings.HV_TOKEN, *, insecure: bool = False):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        # --insecure is an explicit operator opt-in for lab clusters with
        # self-signed certs; production always validates against the CA bundle.
        self.session.verify = False if insecure else settings.HV_CA_BUNDLE

    def create_snapshot(self, volume: str, *, label: str, quiesce: bool = True) -> Snapshot:
        resp = self.session.post(
            f"{self.base_url}/volumes/{volume}/snapshots",
            json={"label": label, "quiesce": quiesce},
            timeout=30,
        )
        resp.raise_for_status()
        data = resp.json()
        return Snapshot(id=data["id"], volume=volume, size_gb=data["size_gb"])

    def delete_snapshot(self, snapshot_id: str) -> None:
        resp = self.session.delete(f"{self.base_url}/snapshots/{snapshot_id}", timeout=30)
        resp.raise_for_status()

    def list_snapshots(self, volume: str) -> list[Snapshot]:
        resp = self.session.get(f"{self.base_url}/volumes/{volume}/snapshots", timeout=30)
        resp.raise_for_status()
        return [Snapshot(id=s["id"], volume=volume, size_gb=s["size_gb"]) for s in resp.json()]

    def restore(self, snapshot_id: str, target_volume: str) -> None:
        raise NotImplementedError("restore is not supported by this hypervisor API yet")


def push_manifest(snapshot: Snapshot) -> None:
    """Uploads the snapshot manifest to the metrics collector."""
    requests.post(
        "https://collector.ops.example/v1/manifests",
        json={"id": snapshot.id, "volume": snapshot.volume, "size_gb": snapshot.size_gb},
        timeout=10,
        verify=False,
    )
