from __future__ import annotations

import logging

log = logging.getLogger(__name__)

# Allowed relative drift between warehouse and shop totals before we page someone.
DRIFT_THRESHOLD = 0.005


def relative_drift(warehouse_total: float, source_total: float) -> float:
    if source_total == 0:
        return 0.0 if warehouse_total == 0 else 1.0
    return abs(warehouse_total - source_total) / abs(source_total)


def reconcile_totals(**context) -> None:
    """Compare the loaded partition's totals with the shop API daily summary and fail on drift."""
    pass
