from unittest import mock

from kombu import Connection

from ledger_ingest import consumer


class FakeMessage:
    def __init__(self, routing_key, body=b"{}", headers=None):
        self.delivery_info = {"routing_key": routing_key}
        self.delivery_tag = 1
        self.body = body
        self.headers = headers or {}
        self.acked = self.requeued = self.rejected = False

    def ack(self):
        self.acked = True

    def requeue(self):
        self.requeued = True

    def reject(self, requeue=False):
        self.rejected = True


def make_consumer():
    return consumer.LedgerConsumer(Connection("memory://"), prefetch=5)


def test_unknown_routing_key_is_dead_lettered():
    msg = FakeMessage("unknown.event")
    make_consumer().on_message({}, msg)
    assert msg.rejected and not msg.acked


def test_handler_failure_requeues():
    msg = FakeMessage("system.ping")
    with mock.patch.object(consumer, "dispatch", side_effect=RuntimeError("boom")):
        make_consumer().on_message({}, msg)
    assert msg.requeued


def test_ping_is_acked():
    msg = FakeMessage("system.ping")
    make_consumer().on_message({"ts": 1}, msg)


def test_get_consumers_uses_prefetch():
    Consumer = mock.Mock()
    make_consumer().get_consumers(Consumer, channel=None)
    assert Consumer.call_args.kwargs["prefetch_count"] == 5
