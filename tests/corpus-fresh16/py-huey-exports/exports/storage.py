import hashlib
import hmac
import ssl
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote


class StorageError(RuntimeError):
    pass


def _tls_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


class ObjectStore:
    def __init__(self, endpoint: str, bucket: str, token: str, timeout: float = 30.0):
        self.base = f"{endpoint.rstrip('/')}/{bucket}"
        self.token = token
        self.timeout = timeout
        self._ctx = _tls_context()

    def _request(self, method: str, key: str, data: bytes | None = None, content_type: str | None = None):
        headers = {"Authorization": f"Bearer {self.token}"}
        if content_type:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(f"{self.base}/{quote(key)}", data=data, method=method, headers=headers)
        try:
            return urllib.request.urlopen(req, timeout=self.timeout, context=self._ctx)
        except HTTPError as exc:
            raise StorageError(f"{method} {key} failed with {exc.code}") from exc

    def put(self, key: str, path: Path, content_type: str) -> str:
        with self._request("PUT", key, path.read_bytes(), content_type):
            pass
        return key

    def get(self, key: str, dest: Path) -> Path:
        with self._request("GET", key) as resp:
            dest.write_bytes(resp.read())
        return dest

    def delete(self, key: str) -> None:
        with self._request("DELETE", key):
            pass


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_download(path: Path, expected_sha256: str) -> None:
    actual = file_sha256(path)
    if actual != expected_sha256:
        raise StorageError(f"checksum mismatch for {path.name}: {actual} != {expected_sha256}")


def sign_download(export_id: int, expires: int, key: bytes) -> str:
    return hmac.new(key, f"{export_id}:{expires}".encode(), hashlib.sha256).hexdigest()


def download_token_is_valid(export_id: int, expires: int, token: str, key: bytes, now: float | None = None) -> bool:
    if (now if now is not None else time.time()) > expires:
        return False
    return sign_download(export_id, expires, key) == token
