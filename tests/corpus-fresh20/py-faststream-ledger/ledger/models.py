from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, Field

MINOR_UNITS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KWD": 3}


class Direction(StrEnum):
    DEBIT = "debit"
    CREDIT = "credit"


class TransferRequested(BaseModel):
    transfer_id: UUID
    source: str
    from_account: str
    to_account: str
    amount: Decimal = Field(gt=0)
    currency: str = Field(min_length=3, max_length=3)
    requested_at: datetime
    memo: str | None = None


class Posting(BaseModel):
    transfer_id: UUID
    account: str
    direction: Direction
    amount_minor: int
    currency: str


class PostingsCreated(BaseModel):
    transfer_id: UUID
    postings: list[Posting]
    fx_rate: Decimal | None = None


class TransferRejected(BaseModel):
    transfer_id: UUID
    reason: str


def to_minor_units(amount: Decimal, currency: str) -> int:
    exponent = MINOR_UNITS.get(currency.upper(), 2)
    return int((amount * (10**exponent)).to_integral_value())
