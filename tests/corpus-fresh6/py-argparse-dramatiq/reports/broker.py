import logging

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AgeLimit, Retries, TimeLimit

from reports import config

log = logging.getLogger(__name__)


class TenantContext(dramatiq.Middleware):
    """Copies the tenant id from message options into the log context."""

    def before_process_message(self, broker, message):
        tenant = message.options.get("tenant_id")
        if tenant is None:
            log.warning("message %s has no tenant_id", message.message_id)
        message.options.setdefault("tenant_id", tenant)

    def after_process_message(self, broker, message, *, result=None, exception=None):
        if exception is not None:
            log.error("message %s failed: %r", message.message_id, exception)


def setup_broker() -> RedisBroker:
    broker = RedisBroker(url=config.REDIS_URL, middleware=[AgeLimit(), TimeLimit(), Retries(max_retries=5)])
    broker.add_middleware(TenantContext())
    dramatiq.set_broker(broker)
    return broker
