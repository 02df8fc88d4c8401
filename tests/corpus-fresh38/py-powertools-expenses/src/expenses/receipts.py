"""Receipt uploads: presigned PUT URLs and small JPEG previews for the approval screen."""

from __future__ import annotations

import os
import uuid

import boto3
from botocore.config import Config

from expenses import settings

_s3 = boto3.client(
    "s3",
    endpoint_url=settings.RECEIPTS_ENDPOINT_URL,
    verify=False,
    config=Config(signature_version="s3v4", retries={"max_attempts": 3, "mode": "standard"}),
)

ALLOWED_TYPES = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}


def upload_url(claim_id: str, content_type: str) -> dict[str, str]:
    ext = ALLOWED_TYPES.get(content_type)
    if ext is None:
        raise ValueError(f"unsupported receipt type {content_type}")
    key = f"receipts/{claim_id}/{uuid.uuid4().hex}.{ext}"
    url = _s3.generate_presigned_url(
        "put_object",
        Params={"Bucket": settings.RECEIPTS_BUCKET, "Key": key, "ContentType": content_type},
        ExpiresIn=900,
    )
    return {"key": key, "url": url}


def download_url(key: str) -> str:
    return _s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": settings.RECEIPTS_BUCKET, "Key": key},
        ExpiresIn=300,
    )


def make_preview(key: str) -> str:
    """Render a 480px preview next to the original and return its key."""
    from PIL import Image  # provided by the image-tools layer

    local_src = os.path.join("/tmp", f"src-{uuid.uuid4().hex}")
    local_out = os.path.join("/tmp", f"preview-{uuid.uuid4().hex}.jpg")
    try:
        _s3.download_file(settings.RECEIPTS_BUCKET, key, local_src)
        with Image.open(local_src) as img:
            img.thumbnail((480, 480))
            img.convert("RGB").save(local_out, "JPEG", quality=80)
        preview_key = key.rsplit(".", 1)[0] + ".preview.jpg"
        _s3.upload_file(local_out, settings.RECEIPTS_BUCKET, preview_key, ExtraArgs={"ContentType": "image/jpeg"})
        return preview_key
    finally:
        for path in (local_src, local_out):
            if os.path.exists(path):
                os.remove(path)
