import logging

import faust

from .config import get_settings
from .models import CaptureRequested, ChargebackNotice, PaymentRequested, RefundRequested, AuthorizationResult

settings = get_settings()

logging.basicConfig(level=logging.INFO, format='%(asctime)s %(levelname)s %(name)s %(message)s')

app = faust.App(
    'payments',
    broker=settings.kafka_brokers,
    broker_credentials=faust.SASLCredentials(username='payments-svc', password='Kp9!vQz2#Lw7Rt4e'),
    store='rocksdb://',
    datadir=settings.datadir,
    web_port=settings.web_port,
    topic_partitions=12,
    value_serializer='json',
    autodiscover=['payments.agents', 'payments.timers', 'payments.views'],
    origin='payments',
)

payment_requests = app.topic('payments.requested', value_type=PaymentRequested)
authorizations = app.topic('payments.authorized', value_type=AuthorizationResult)
capture_requests = app.topic('payments.capture-requested', value_type=CaptureRequested)
refund_requests = app.topic('payments.refund-requested', value_type=RefundRequested)
chargebacks = app.topic('acquirer.chargebacks', value_type=ChargebackNotice)

merchant_daily_totals = app.Table('merchant-daily-totals', default=int, partitions=12)
payment_state = app.Table('payment-state', default=str, partitions=12)


def main() -> None:
    app.main()
