"""OpsDesk entry point: sign-in, then the page navigation."""

import logging

import streamlit as st

from opsdesk.auth import authenticator, current_user

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

st.set_page_config(page_title="OpsDesk", page_icon=":material/support_agent:", layout="wide")

auth = authenticator()
auth.login(location="main", key="opsdesk-login")

status = st.session_state.get("authentication_status")
if status is False:
    st.error("Username or password is incorrect.")
    st.stop()
if status is None:
    st.info("Sign in with your OpsDesk account.")
    st.stop()

user = current_user()
with st.sidebar:
    st.caption(f"Signed in as **{user['name']}** ({', '.join(user['roles']) or 'no role'})")
    auth.logout("Sign out", location="sidebar")

pages = {
    "Support": [
        st.Page("pages/customers.py", title="Customers", icon=":material/person_search:", default=True),
        st.Page("pages/deletions.py", title="Erasure requests", icon=":material/delete_forever:"),
    ],
    "Billing": [
        st.Page("pages/refunds.py", title="Refunds", icon=":material/currency_exchange:"),
        st.Page("pages/exports.py", title="Exports", icon=":material/download:"),
        st.Page("pages/reconcile.py", title="Payout reconciliation", icon=":material/balance:"),
    ],
}

st.navigation(pages).run()
