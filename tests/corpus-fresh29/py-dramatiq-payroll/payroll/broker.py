import logging
import os

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.middleware import AgeLimit, Callbacks, Retries, ShutdownNotifications, TimeLimit

from payroll.middleware import AuditMiddleware

logger = logging.getLogger(__name__)

RABBITMQ_URL = os.environ.get("RABBITMQ_URL", "amqp://payroll:Vk3r8-Qm2nP7zt@rabbit-01.payroll.internal:5672/payroll")


def build_broker() -> dramatiq.Broker:
    broker = RabbitmqBroker(
        url=RABBITMQ_URL,
        confirm_delivery=True,
        middleware=[
            AgeLimit(),
            TimeLimit(time_limit=5 * 60 * 1000),
            ShutdownNotifications(),
            Callbacks(),
            Retries(max_retries=5, min_backoff=15_000, max_backoff=15 * 60_000),
        ],
    )
    broker.add_middleware(AuditMiddleware())
    return broker


if os.environ.get("PAYROLL_BROKER") != "stub":
    dramatiq.set_broker(build_broker())
    logger.info("dramatiq broker configured for %s", RABBITMQ_URL.rsplit("@", 1)[-1])
