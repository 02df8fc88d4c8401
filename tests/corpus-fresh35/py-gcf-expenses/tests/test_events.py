import base64
import json
from unittest import mock

from cloudevents.http import CloudEvent

from expenses import events, ocr, store


def _storage_event(name: str, content_type: str = "image/jpeg") -> CloudEvent:
    attributes = {
        "type": "google.cloud.storage.object.v1.finalized",
        "source": "//storage.googleapis.com/projects/_/buckets/acme-expenses-receipts",
    }
    return CloudEvent(attributes, {"bucket": "acme-expenses-receipts", "name": name, "contentType": content_type})


def _pubsub_event(payload) -> CloudEvent:
    attributes = {"type": "google.cloud.pubsub.topic.v1.messagePublished", "source": "//pubsub.googleapis.com/payroll"}
    data = base64.b64encode(json.dumps(payload).encode()).decode()
    return CloudEvent(attributes, {"message": {"data": data, "messageId": "m-1"}})


def test_receipt_upload_runs_ocr(monkeypatch):
    monkeypatch.setattr(store, "get_expense", lambda expense_id: {"id": expense_id})
    monkeypatch.setattr(store, "attach_receipt", mock.Mock())
    monkeypatch.setattr(store, "attach_ocr", mock.Mock())
    monkeypatch.setattr(events, "_storage_client", mock.MagicMock())
    monkeypatch.setattr(ocr, "parse_receipt", mock.Mock(return_value={"merchant": "DB Bahn", "total_cents": 4200}))

    events.receipt_uploaded(_storage_event("receipts/e1/ticket.jpg"))


def test_unsupported_type_is_ignored(monkeypatch):
    attach = mock.Mock()
    monkeypatch.setattr(store, "attach_receipt", attach)
    events.receipt_uploaded(_storage_event("receipts/e1/notes.docx", "application/msword"))
    attach.assert_not_called()


def test_malformed_payroll_message_is_acked(monkeypatch):
    update = mock.Mock()
    monkeypatch.setattr(store, "update_expense", update)
    events.payroll_event(_pubsub_event({"kind": "unexpected"}))
    assert update.call_count == 0


def test_reimbursed_batch_updates_each_expense(monkeypatch):
    update, audit = mock.Mock(), mock.Mock()
    monkeypatch.setattr(store, "update_expense", update)
    monkeypatch.setattr(store, "write_audit", audit)
    monkeypatch.setattr(events.notify, "ChatWebhookNotifier", mock.Mock())
    events.payroll_event(_pubsub_event({"type": "reimbursed", "expense_ids": ["e1", "e2"], "batch": "PB-7"}))
    assert [c.args[0] for c in update.call_args_list] == ["e1", "e2"]
    assert audit.call_count == 2
