from __future__ import annotations

import abc
from typing import Protocol


class Reporter(Protocol):
    def __call__(self, host: str, check: str, healthy: bool, summary: str) -> None: ...


class Check(abc.ABC):
    name: str

    @abc.abstractmethod
    def command(self) -> str:
        raise NotImplementedError

    @abc.abstractmethod
    def evaluate(self, stdout: str) -> tuple[bool, str]:
        """Return (healthy, one-line summary)."""


class DiskUsage(Check):
    name = "disk"

    def __init__(self, threshold_pct: int) -> None:
        self.threshold_pct = threshold_pct

    def command(self) -> str:
        return "df -P -x tmpfs -x devtmpfs -x overlay"

    def evaluate(self, stdout: str) -> tuple[bool, str]:
        full: list[str] = []
        for line in stdout.splitlines()[1:]:
            parts = line.split()
            if len(parts) < 6:
                continue
            pct = int(parts[4].rstrip("%"))
            if pct >= self.threshold_pct:
                full.append(f"{parts[5]} {pct}%")
        return (not full, ", ".join(full) or "ok")


class Uptime(Check):
    name = "uptime"

    def __init__(self, max_load: float) -> None:
        self.max_load = max_load

    def command(self) -> str:
        return "cat /proc/loadavg"

    def evaluate(self, stdout: str) -> tuple[bool, str]:
        load1 = float(stdout.split()[0])
        return (load1 < self.max_load, f"load1={load1:.2f}")
