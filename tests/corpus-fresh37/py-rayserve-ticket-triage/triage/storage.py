import contextlib
import hashlib
import io
import logging
import os
import tempfile
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlparse

import boto3
import numpy as np
from botocore.config import Config as BotoConfig

from triage.settings import Settings

logger = logging.getLogger("triage.storage")


@dataclass
class LinearModel:
    version: str
    labels: list[str]
    weights: np.ndarray
    bias: np.ndarray
    n_features: int


class ObjectReader(Protocol):
    def read(self, uri: str) -> bytes: ...


class S3Reader:
    def __init__(self, settings: Settings) -> None:
        self._client = boto3.client(
            "s3",
            endpoint_url=settings.s3_endpoint,
            aws_access_key_id=settings.s3_access_key or None,
            aws_secret_access_key=settings.s3_secret_key or None,
            # Only for a local MinIO with a self-signed certificate; Settings.from_env
            # refuses TRIAGE_S3_INSECURE_LOCAL for any other endpoint.
            verify=False if settings.s3_insecure_local else None,
            config=BotoConfig(retries={"max_attempts": 5, "mode": "adaptive"}),
        )

    def read(self, uri: str) -> bytes:
        parsed = urlparse(uri)
        if parsed.scheme != "s3":
            raise ValueError(f"unsupported model URI {uri!r}")
        obj = self._client.get_object(Bucket=parsed.netloc, Key=parsed.path.lstrip("/"))
        return obj["Body"].read()


def _cache_path(cache_dir: str, uri: str) -> str:
    digest = hashlib.sha1(uri.encode()).hexdigest()
    return os.path.join(cache_dir, f"{digest}.npz")


def load_model(
    reader: ObjectReader, uri: str, cache_dir: str, expected_sha256: str | None = None
) -> LinearModel:
    path = _cache_path(cache_dir, uri)
    if os.path.exists(path):
        with open(path, "rb") as fh:
            blob = fh.read()
        logger.info("model served from cache", extra={"model_version": uri})
    else:
        blob = reader.read(uri)
        os.makedirs(cache_dir, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)

    archive = np.load(io.BytesIO(blob), allow_pickle=False)
    labels = [str(label) for label in archive["labels"]]
    weights = archive["weights"]
    if weights.shape[0] != len(labels):
        raise ValueError("model weights do not match the label list")
    return LinearModel(
        version=str(archive["version"]),
        labels=labels,
        weights=weights,
        bias=archive["bias"],
        n_features=int(weights.shape[1]),
    )
