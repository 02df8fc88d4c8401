from __future__ import annotations

import logging
import shlex
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import paramiko

log = logging.getLogger(__name__)


@dataclass
class Result:
    exit_status: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.exit_status == 0


@contextmanager
def connect(address: str, user: str, key_path: str, known_hosts: str) -> Iterator[paramiko.SSHClient]:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.load_host_keys(known_hosts)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    try:
        client.connect(address, username=user, key_filename=key_path, timeout=10, allow_agent=False, look_for_keys=False)
    except paramiko.SSHException as exc:
        log.warning("ssh connect to %s failed: %s", address, exc)
        raise
    try:
        yield client
    finally:
        client.close()


def run(client: paramiko.SSHClient, command: str, timeout: float = 30.0) -> Result:
    log.debug("exec: %s", command)
    stdin, stdout, stderr = client.exec_command(command)
    stdin.close()
    exit_status = stdout.channel.recv_exit_status()
    return Result(
        exit_status=exit_status,
        stdout=stdout.read().decode("utf-8", errors="replace"),
        stderr=stderr.read().decode("utf-8", errors="replace"),
    )


def sudo(command: str) -> str:
    return f"sudo -n -- sh -c {shlex.quote(command)}"
