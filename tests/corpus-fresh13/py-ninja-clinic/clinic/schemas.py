from datetime import date, datetime
from typing import Optional

from ninja import Schema


class PatientIn(Schema):
    first_name: str
    last_name: str
    birth_date: date
    ward: Optional[str] = None


class PatientOut(Schema):
    id: int
    first_name: str
    last_name: str
    birth_date: date
    ward: Optional[str]
    discharged_at: Optional[datetime]


class LabOrderIn(Schema):
    panel: str
    priority: str = "routine"


class LabOrderOut(Schema):
    order_id: str
    status: str


class PurgeResult(Schema):
    deleted: int
