from datetime import datetime

import faust


class PaymentRequested(faust.Record, serializer='json', isodates=True):
    payment_id: str
    merchant_id: str
    amount_minor: int
    currency: str
    card_token: str
    requested_at: datetime
    capture: bool = False


class AuthorizationResult(faust.Record, serializer='json'):
    payment_id: str
    merchant_id: str
    approved: bool
    authorization_id: str | None = None
    decline_code: str | None = None


class CaptureRequested(faust.Record, serializer='json'):
    payment_id: str
    authorization_id: str
    amount_minor: int
    currency: str


class RefundRequested(faust.Record, serializer='json'):
    payment_id: str
    authorization_id: str
    amount_minor: int
    currency: str
    reason: str


class ChargebackNotice(faust.Record, serializer='json', isodates=True):
    chargeback_id: str
    payment_id: str
    amount_minor: int
    currency: str
    reason_code: str
    received_at: datetime
    signature: str
