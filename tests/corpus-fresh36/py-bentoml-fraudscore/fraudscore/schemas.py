from datetime import datetime
from typing import Literal, Optional

from pydantic import BaseModel, Field, field_validator


class Transaction(BaseModel):
    transaction_id: str
    customer_id: str
    amount: float = Field(gt=0)
    currency: str = Field(min_length=3, max_length=3)
    merchant_category: str
    country: str = Field(min_length=2, max_length=2)
    card_present: bool = False
    created_at: datetime

    @field_validator("currency", "country")
    @classmethod
    def upper(cls, v: str) -> str:
        return v.upper()


class ScoreResult(BaseModel):
    transaction_id: str
    score: float
    decision: Literal["approve", "review", "block"]
    model_version: str
    degraded: bool = False


class Explanation(BaseModel):
    transaction_id: str
    contributions: dict[str, float]


class Thresholds(BaseModel):
    review: float = Field(ge=0, le=1)
    block: float = Field(ge=0, le=1)


class ReloadRequest(BaseModel):
    tag: str = "fraud_xgb:latest"
    reason: Optional[str] = None
