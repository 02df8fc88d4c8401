from __future__ import annotations

import gzip
import json
import logging
from datetime import datetime, timezone

import boto3

from . import settings

log = logging.getLogger(__name__)

_s3 = boto3.client(
    "s3",
    region_name="eu-central-1",
    aws_access_key_id="AKIAZ7QH3LMN5RT2WXKB",
    aws_secret_access_key="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",
)


def archive_batch(events: list[dict]) -> str:
    """Writes a gzip'd JSON-lines batch to S3 and returns the object key."""
    now = datetime.now(timezone.utc)
    key = f"events/{now:%Y/%m/%d}/{now:%H%M%S%f}.jsonl.gz"
    payload = gzip.compress("\n".join(json.dumps(e, sort_keys=True) for e in events).encode())
    _s3.put_object(Bucket=settings.ARCHIVE_BUCKET, Key=key, Body=payload, ContentEncoding="gzip")
    log.info("archived %d events to s3://%s/%s", len(events), settings.ARCHIVE_BUCKET, key)
    return key
