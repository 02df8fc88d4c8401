from __future__ import annotations

from dataclasses import dataclass


@dataclass
class JobStats:
    name: str
    avg_runtime_s: float
    failures_last_24h: int
    overdue_s: float


def score(stats: JobStats) -> float:
    """Priority score: overdue jobs first, flaky and slow jobs pushed back a little."""
    return stats.overdue_s - 5.0 * stats.failures_last_24h - 0.1 * stats.avg_runtime_s


def rank(all_stats: list[JobStats]) -> list[str]:
    return [s.name for s in sorted(all_stats, key=score, reverse=True)]
