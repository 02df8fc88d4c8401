from __future__ import annotations

import abc
import os
from pathlib import Path


class AttachmentStore(abc.ABC):
    """Where note attachments live. Production uses the filesystem store."""

    @abc.abstractmethod
    async def put(self, key: str, data: bytes) -> None:
        raise NotImplementedError

    @abc.abstractmethod
    async def get(self, key: str) -> bytes:
        raise NotImplementedError


class FilesystemStore(AttachmentStore):
    def __init__(self, root: str) -> None:
        self._root = Path(root)
        self._root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        p = (self._root / key).resolve()
        if self._root.resolve() not in p.parents:
            raise ValueError(f"invalid attachment key: {key!r}")
        return p

    async def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)

    async def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()
