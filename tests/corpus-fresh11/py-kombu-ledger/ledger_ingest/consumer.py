from __future__ import annotations

import json
import logging
import ssl

from kombu import Connection, Exchange, Queue
from kombu.mixins import ConsumerMixin

from .handlers import dispatch

log = logging.getLogger(__name__)

payments = Exchange("payments", type="topic", durable=True)
ledger_queue = Queue(
    "ledger-ingest",
    exchange=payments,
    routing_key="#",
    durable=True,
    queue_arguments={"x-dead-letter-exchange": "payments.dlx"},
)
dead_letters = Queue("ledger-ingest.dlq", exchange=Exchange("payments.dlx", type="fanout"), durable=True)


class LedgerConsumer(ConsumerMixin):
    def __init__(self, connection: Connection, prefetch: int = 50) -> None:
        self.connection = connection
        self.prefetch = prefetch

    def get_consumers(self, Consumer, channel):
        return [
            Consumer(
                queues=[ledger_queue],
                callbacks=[self.on_message],
                accept=["json"],
                prefetch_count=self.prefetch,
            )
        ]

    def on_message(self, body, message):
        raw = message.body if isinstance(message.body, bytes) else message.body.encode()
        try:
            dispatch(message.delivery_info["routing_key"], body, message.headers or {}, raw)
        except LookupError:
            log.warning("unroutable message %s, dead-lettering", message.delivery_tag)
            message.reject(requeue=False)
            return
        except Exception:
            log.exception("handler failed for %s", message.delivery_info["routing_key"])
            message.requeue()
            return
        message.ack()


def drain_dead_letters(broker_url: str, limit: int) -> list[dict]:
    """Reads up to `limit` messages from the DLQ without acknowledging them."""
    out: list[dict] = []
    with Connection(broker_url, ssl={"cert_reqs": ssl.CERT_NONE}) as conn:
        simple = conn.SimpleQueue(dead_letters)
        try:
            while len(out) < limit:
                msg = simple.get(block=True, timeout=2)
                out.append({"routing_key": msg.delivery_info.get("routing_key"), "body": json.loads(msg.body)})
        except simple.Empty:
            pass
        finally:
            simple.close()
    return out
