from __future__ import annotations

import logging
import os
import shutil
from abc import ABC, abstractmethod
from pathlib import Path
from typing import BinaryIO

import boto3
from botocore.config import Config as BotoConfig

from .config import Settings

log = logging.getLogger(__name__)

DEFAULT_ROOT = Path("/Users/priya/modelops/datasets")


class Storage(ABC):
    """Where uploaded datasets live. Keys look like ``datasets/<owner>/<uuid>.jsonl``."""

    @abstractmethod
    def put(self, key: str, data: BinaryIO) -> None:
        raise NotImplementedError

    @abstractmethod
    def open(self, key: str) -> BinaryIO:
        raise NotImplementedError

    @abstractmethod
    def delete(self, key: str) -> None:
        raise NotImplementedError


class LocalStorage(Storage):
    def __init__(self, root: Path | None = None):
        self.root = root or DEFAULT_ROOT
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"key escapes storage root: {key}")
        return path

    def put(self, key: str, data: BinaryIO) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            shutil.copyfileobj(data, out)

    def open(self, key: str) -> BinaryIO:
        return self._path(key).open("rb")

    def delete(self, key: str) -> None:
        try:
            self._path(key).unlink()
        except FileNotFoundError:
            # Deleting twice (e.g. a retried admin action) is fine; the row is what matters.
            log.info("dataset file %s already gone", key)


class S3Storage(Storage):
    def __init__(self, settings: Settings):
        # The docker-compose MinIO serves a self-signed certificate; Settings.validate()
        # refuses MODELOPS_STORAGE_INSECURE=1 when MODELOPS_ENV=production.
        verify = False if settings.storage_insecure_dev else None
        self.bucket = settings.storage_bucket
        self.client = boto3.client(
            "s3",
            endpoint_url=settings.storage_endpoint,
            aws_access_key_id=os.environ.get("STORAGE_ACCESS_KEY", "modelops-svc"),
            aws_secret_access_key=os.environ.get("STORAGE_SECRET_KEY", "tR4nX9vQ2mZ7kLp3Wb8sYc1Hd6Fg0Je5Ua2Io7Ks"),
            verify=verify,
            config=BotoConfig(retries={"max_attempts": 5, "mode": "standard"}),
        )

    def put(self, key: str, data: BinaryIO) -> None:
        self.client.upload_fileobj(data, self.bucket, key)

    def open(self, key: str) -> BinaryIO:
        return self.client.get_object(Bucket=self.bucket, Key=key)["Body"]

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)


def build_storage(settings: Settings) -> Storage:
    if settings.storage_backend == "s3":
        return S3Storage(settings)
    return LocalStorage(settings.data_dir)
