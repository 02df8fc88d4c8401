from unittest import mock

from expenses import notify

from .conftest import assert_problem


def _expense(**overrides):
    doc = {
        "id": "e1",
        "owner": "alice@acme-corp.com",
        "amount_cents": 4200,
        "currency": "EUR",
        "category": "travel",
        "note": "train",
        "status": "submitted",
        "receipt": {"bucket": "b", "name": "receipts/e1/r.pdf", "content_type": "application/pdf"},
    }
    doc.update(overrides)
    return doc


def test_requires_a_token(client, as_user, fake_store):
    assert_problem(client.get("/expenses/e1"), 401)


def test_other_employees_cannot_see_an_expense(client, as_user, fake_store):
    fake_store.expenses["e1"] = _expense(owner="carol@acme-corp.com")
    assert_problem(client.get("/expenses/e1", headers=as_user("alice")), 404)


def test_approve_requires_approver_role(client, as_user, fake_store):
    fake_store.expenses["e1"] = _expense(owner="carol@acme-corp.com")
    assert_problem(client.post("/expenses/e1/approve", headers=as_user("alice")), 403, "approver")


def test_cannot_approve_own_expense(client, as_user, fake_store):
    fake_store.expenses["e1"] = _expense(owner="bob@acme-corp.com")
    assert_problem(client.post("/expenses/e1/approve", headers=as_user("bob")), 403, "your own")


def test_approve_writes_audit(client, as_user, fake_store):
    fake_store.expenses["e1"] = _expense()
    response = client.post("/expenses/e1/approve", headers=as_user("bob"))
    assert response.status_code == 200
    assert fake_store.audit == [("bob@acme-corp.com", "approve", "e1", {"amount_cents": 4200})]


def test_submit_survives_chat_outage(client, as_user, fake_store, requests_mock):
    fake_store.expenses["e1"] = _expense(status="draft")
    with mock.patch.object(notify.ChatWebhookNotifier, "_webhook", return_value="https://chat.example/hook"):
        requests_mock.post("https://chat.example/hook", status_code=503)
        response = client.post("/expenses/e1/submit", headers=as_user("alice"))
    assert response.get_json() == {"id": "e1", "status": "submitted"}
    assert fake_store.expenses["e1"]["status"] == "submitted"


def test_wrong_method_lists_allowed(client, as_user, fake_store):
    response = client.delete("/expenses/e1", headers=as_user("alice"))
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET"
