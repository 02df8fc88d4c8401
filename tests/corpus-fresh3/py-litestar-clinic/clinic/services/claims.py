from __future__ import annotations

from abc import ABC, abstractmethod
from decimal import Decimal


class ClaimGateway(ABC):
    """One implementation per clearing house."""

    @abstractmethod
    async def submit(self, claim: dict) -> str:
        raise NotImplementedError

    @abstractmethod
    async def status(self, claim_id: str) -> str:
        raise NotImplementedError


class InsuranceClaimService:
    def __init__(self, gateway: ClaimGateway | None = None) -> None:
        self._gateway = gateway

    @staticmethod
    def build_claim(visit: dict) -> dict:
        lines = visit.get("lines", [])
        total = sum((Decimal(str(line["amount"])) for line in lines), Decimal("0"))
        return {
            "visit_id": visit["visit_id"],
            "insurer": visit.get("insurer", "unknown"),
            "lines": lines,
            "total": str(total.quantize(Decimal("0.01"))),
        }

    async def submit_claim(self, visit: dict) -> str:
        raise NotImplementedError("claims submission lands with the clearing-house integration")
