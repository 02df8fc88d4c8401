import base64
import csv
import io
import logging
import os
import posixpath
from typing import Iterable, Protocol

import paramiko

from ledger.config import Settings

logger = logging.getLogger(__name__)

DEFAULT_KNOWN_HOSTS = os.path.expanduser(os.getenv("LEDGER_KNOWN_HOSTS", "~/.ssh/known_hosts"))


class StatementSink(Protocol):
    def upload(self, data: bytes, remote_name: str, *, overwrite: bool = False) -> str: ...


def render_csv(rows: Iterable[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["created_at", "transfer_id", "direction", "amount_minor", "currency"])
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode()


class SftpSink:
    def __init__(self, settings: Settings, remote_dir: str = "/inbound/statements"):
        self.settings = settings
        self.remote_dir = remote_dir

    def _client(self) -> paramiko.SSHClient:
        client = paramiko.SSHClient()
        client.load_system_host_keys()
        if os.path.exists(DEFAULT_KNOWN_HOSTS):
            client.load_host_keys(DEFAULT_KNOWN_HOSTS)
        pinned = paramiko.Ed25519Key(data=base64.b64decode(self.settings.sftp_host_key))
        client.get_host_keys().add(self.settings.sftp_host, "ssh-ed25519", pinned)
        client.set_missing_host_key_policy(paramiko.RejectPolicy())
        client.connect(
            self.settings.sftp_host,
            username=self.settings.sftp_user,
            key_filename=self.settings.sftp_key_file,
            look_for_keys=False,
            allow_agent=False,
            timeout=15,
        )
        return client

    def upload(self, data: bytes, remote_name: str, *, overwrite: bool = False) -> str:
        remote_path = posixpath.join(self.remote_dir, remote_name)
        client = self._client()
        try:
            sftp = client.open_sftp()
            sftp.putfo(io.BytesIO(data), remote_path, file_size=len(data), confirm=True)
            logger.info("uploaded %d bytes to %s:%s", len(data), self.settings.sftp_host, remote_path)
        finally:
            client.close()
        return remote_path
