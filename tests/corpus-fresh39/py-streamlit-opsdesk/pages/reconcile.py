import datetime as dt

import streamlit as st

from opsdesk.auth import require_role
from opsdesk.billing import BillingClient, BillingError
from opsdesk.config import settings

require_role("billing")

st.title("Payout reconciliation")
st.caption("Compare processor payouts with the invoices marked paid in the same window.")

col1, col2 = st.columns(2)
start = col1.date_input("From", value=dt.date.today() - dt.timedelta(days=7))
end = col2.date_input("To", value=dt.date.today())

if st.button("Load payouts"):
    try:
        payouts = BillingClient(settings()).payouts(start.isoformat(), end.isoformat())
    except BillingError as exc:
        st.error(str(exc))
        st.stop()
    st.session_state["payouts"] = payouts
    st.dataframe(payouts, use_container_width=True)

if st.session_state.get("payouts") and st.button("Reconcile against invoices"):
    raise NotImplementedError("payout reconciliation")
