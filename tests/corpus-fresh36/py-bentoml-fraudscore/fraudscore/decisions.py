"""Append-only decision log, kept for chargeback disputes and model audits."""

import json
import os
import sqlite3
import threading
from datetime import datetime, timezone

from fraudscore.schemas import ScoreResult, Transaction

SCHEMA = """
create table if not exists decisions (
    transaction_id text primary key,
    customer_id    text not null,
    decided_at     text not null,
    score          real not null,
    decision       text not null,
    model_version  text not null,
    degraded       integer not null,
    features       text
)
"""


class DecisionLog:
    def __init__(self, path: str):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("pragma journal_mode=wal")
        self._conn.execute(SCHEMA)
        self._lock = threading.Lock()

    def record(self, txn: Transaction, result: ScoreResult, features) -> None:
        with self._lock:
            self._conn.execute(
                "insert into decisions values (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    txn.transaction_id,
                    txn.customer_id,
                    datetime.now(timezone.utc).isoformat(),
                    result.score,
                    result.decision,
                    result.model_version,
                    int(result.degraded),
                    json.dumps(features) if features is not None else None,
                ),
            )

    def recent(self, limit: int = 100) -> list:
        with self._lock:
            cur = self._conn.execute(
                "select transaction_id, decided_at, score, decision, model_version from decisions "
                "order by decided_at desc limit ?",
                (limit,),
            )
            return [dict(zip(("transaction_id", "decided_at", "score", "decision", "model_version"), r)) for r in cur]
