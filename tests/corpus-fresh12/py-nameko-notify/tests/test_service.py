from unittest import mock

import pytest
from nameko.rpc import rpc
from nameko.testing.services import worker_factory

from notify.guards import Forbidden
from notify.models import Delivery, Preference
from notify.service import NotificationService

TOKENS = "tok-test-a,tok-test-b"


@pytest.fixture
def service():
    svc = worker_factory(NotificationService, config={"SERVICE_TOKENS": TOKENS, "UNSUBSCRIBE_SECRET": "s3cret-test"})
    svc.config = {"SERVICE_TOKENS": TOKENS, "UNSUBSCRIBE_SECRET": "s3cret-test"}
    svc.context_data = {"service_token": "tok-test-a"}
    return svc


def test_send_email_records_delivery(service):
    service.db.get.return_value = Preference(user_id=7, email="u@example.test", unsubscribed=False)
    service.mailer.send.return_value = "<msg-1@example.test>"
    with mock.patch("notify.service.templates.render", return_value=("Hi", "Body")):
        service.send(7, "welcome", {"name": "U"})
    service.mailer.send.assert_called_once_with("u@example.test", "Hi", "Body")
    added = service.db.add.call_args.args[0]
    assert isinstance(added, Delivery)
    assert added.status == "sent"


def test_send_rejects_missing_token(service):
    service.context_data = {}
    with pytest.raises(Forbidden):
        service.send(7, "welcome", {})


def test_send_skips_unsubscribed(service):
    service.db.get.return_value = Preference(user_id=7, email="u@example.test", unsubscribed=True)
    assert service.send(7, "welcome", {}) is None
    service.mailer.send.assert_not_called()


def test_send_sms_priority_high(service):
    service.db.get.return_value = Preference(user_id=9, phone="+15005550006", unsubscribed=False)
    service.sms.send.return_value = "SM123"
    with mock.patch("notify.service.templates.render", return_value=("", "Your code is 123456")):
        service.send(9, "otp", {"code": "123456"}, channel="sms", priority="high")


def test_worker_factory_accepts_plain_services():
    class Echo:
        name = "echo"

        @rpc
        def ping(self, value):
            return value

    echo = worker_factory(Echo)
    assert echo.ping("x") == "x"
