from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Payout:
    id: str
    merchant_id: str
    amount_minor: int
    currency: str
    destination: str
    status: str


@dataclass(frozen=True)
class LedgerEntry:
    payout_id: str
    kind: str
    amount_minor: int
    currency: str
    transfer_id: str | None = None


_PAYOUT_COLUMNS = "id, merchant_id, amount_minor, currency, destination, status"


class Ledger:
    def __init__(self, pool) -> None:
        self.pool = pool

    async def get_payout(self, payout_id: str) -> Payout | None:
        row = await self.pool.fetchrow(f"SELECT {_PAYOUT_COLUMNS} FROM payouts WHERE id = $1", payout_id)
        return Payout(**row) if row else None

    async def set_status(self, payout_id: str, status: str, transfer_id: str | None = None) -> None:
        await self.pool.execute(
            "UPDATE payouts SET status = $2, transfer_id = COALESCE($3, transfer_id), updated_at = now() WHERE id = $1",
            payout_id,
            status,
            transfer_id,
        )

    async def append(self, entry: LedgerEntry) -> None:
        await self.pool.execute(
            "INSERT INTO ledger_entries (payout_id, kind, amount_minor, currency, transfer_id) VALUES ($1, $2, $3, $4, $5)",
            entry.payout_id,
            entry.kind,
            entry.amount_minor,
            entry.currency,
            entry.transfer_id,
        )

    async def list_stuck(self, older_than: timedelta, limit: int = 100) -> list[Payout]:
        rows = await self.pool.fetch(
            f"SELECT {_PAYOUT_COLUMNS} FROM payouts WHERE status = 'processing' ORDER BY updated_at LIMIT $1",
            limit,
        )
        return [Payout(**r) for r in rows]

    async def approved_between(self, start: str, end: str) -> list[Payout]:
        rows = await self.pool.fetch(
            f"SELECT {_PAYOUT_COLUMNS} FROM payouts WHERE status = 'paid' AND paid_at >= $1 AND paid_at < $2",
            start,
            end,
        )
        return [Payout(**r) for r in rows]
