"""Pluggable storage for scanned documents."""
import abc
import os
from pathlib import Path

from django.conf import settings


class DocumentStore(abc.ABC):
    @abc.abstractmethod
    def put(self, key: str, data: bytes) -> str:
        raise NotImplementedError

    @abc.abstractmethod
    def get(self, key: str) -> bytes:
        raise NotImplementedError


class FilesystemStore(DocumentStore):
    def __init__(self, root: str | None = None):
        self.root = Path(root or settings.MEDIA_ROOT) / "documents"

    def put(self, key: str, data: bytes) -> str:
        target = self.root / key
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        return str(target)

    def get(self, key: str) -> bytes:
        return (self.root / key).read_bytes()
