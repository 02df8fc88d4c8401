import uuid

import streamlit as st

from opsdesk import audit
from opsdesk.auth import current_user, require_role
from opsdesk.billing import BillingClient, BillingError
from opsdesk.config import settings
from opsdesk.db import customer_invoices, get_engine

require_role("billing")

cfg = settings()
engine = get_engine()
client = BillingClient(cfg)

st.title("Refunds")

customer_id = st.text_input("Customer id", key="refund_customer")
if not customer_id:
    st.stop()

invoices = customer_invoices(engine, customer_id.strip())
paid = invoices[invoices["status"] == "paid"]
if paid.empty:
    st.info("No paid invoices for this customer.")
    st.stop()

if "refund_key" not in st.session_state:
    st.session_state.refund_key = str(uuid.uuid4())

with st.form("refund", clear_on_submit=False):
    number = st.selectbox("Invoice", paid["number"])
    row = paid[paid["number"] == number].iloc[0]
    amount = st.number_input(
        "Amount (cents)", min_value=1, max_value=int(row["total_cents"]), value=int(row["total_cents"]), step=100
    )
    reason = st.text_area("Reason", max_chars=500)
    approval_code = st.text_input(
        "Supervisor approval code", type="password", help=f"Required above {cfg.refund_limit_cents} cents"
    )
    submitted = st.form_submit_button("Issue refund", type="primary")

if submitted:
    if not reason.strip():
        st.error("A reason is required.")
        st.stop()
    if amount > cfg.refund_limit_cents:
        if not cfg.refund_override_code or approval_code != cfg.refund_override_code:
            st.error("Refunds above the limit need a valid supervisor approval code.")
            st.stop()
    try:
        refund = client.refund(str(row["id"]), int(amount), reason.strip(), st.session_state.refund_key)
    except BillingError as exc:
        st.error(f"Billing API refused the refund: {exc}")
        st.stop()
    audit.record(engine, "invoice.refunded", str(row["id"]), amount_cents=int(amount), refund_id=refund.id)
    st.session_state.pop("refund_key", None)
    st.success(f"Refund {refund.id} {refund.status} for {refund.amount_cents} cents.")
    st.caption(f"Issued by {current_user()['username']}")
