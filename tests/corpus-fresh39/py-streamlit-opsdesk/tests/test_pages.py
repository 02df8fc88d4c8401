import pytest
from streamlit.testing.v1 import AppTest


def assert_page_refused(at: AppTest, message: str) -> None:
    assert not at.exception
    assert [e.value for e in at.error] == [message]


def test_refunds_page_refuses_support_agents(signed_in, fake_db):
    at = signed_in(AppTest.from_file("pages/refunds.py"), "support")
    at.run()
    assert_page_refused(at, "You do not have access to this page.")


def test_refund_above_limit_needs_approval_code(signed_in, fake_db, monkeypatch):
    issued = []
    monkeypatch.setattr("opsdesk.billing.BillingClient.refund", lambda self, *a: issued.append(a))
    at = signed_in(AppTest.from_file("pages/refunds.py"), "billing")
    at.run()
    at.text_input(key="refund_customer").input("c-1").run()
    at.text_area[0].input("customer churned after outage")
    at.button[0].click().run()
    assert issued == []
    assert at.error[0].value.startswith("Refunds above the limit")


def test_customer_search_renders(signed_in, fake_db):
    at = signed_in(AppTest.from_file("pages/customers.py"), "support")
    at.run()
    at.text_input(key="customer_term").input("acme").run()


def test_merge_form_moves_invoices(signed_in, fake_db):
    at = signed_in(AppTest.from_file("pages/customers.py"), "admin")
    at.run()
    at.text_input(key="customer_term").input("acme").run()
    at.text_input[2].input("c-2")
    at.button[1].click().run()
    assert fake_db["merged"] == [("c-1", "c-2")]
    assert ("customer.merged", "c-1") in fake_db["audit"]


def test_erasure_requires_matching_confirmation(signed_in, fake_db):
    at = signed_in(AppTest.from_file("pages/deletions.py"), "admin")
    at.run()
    at.text_input[0].input("c-1").run()
    at.text_input[1].input("PRIV-77")
    at.text_input[2].input("c-9")
    at.button[0].click().run()
    assert fake_db["erased"] == []


def test_reconcile_is_guarded_by_role(signed_in, fake_db):
    at = signed_in(AppTest.from_file("pages/reconcile.py"), "support")
    at.run()
    assert at.error and "access" in at.error[0].value


@pytest.mark.parametrize("roles", [("billing",), ("admin",)])
def test_exports_page_loads_for_billing_roles(signed_in, fake_db, roles):
    at = signed_in(AppTest.from_file("pages/exports.py"), *roles)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Invoice exports"
