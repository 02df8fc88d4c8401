import streamlit as st

from opsdesk import audit
from opsdesk.db import clear_caches, erase_customer, find_customers, get_engine

engine = get_engine()


def render() -> None:
    st.title("Erasure requests")
    st.write(
        "Erase a customer's personal data after a verified GDPR request. "
        "Invoices are kept (anonymised) for the statutory retention period."
    )
    customer_id = st.text_input("Customer id")
    if not customer_id:
        return
    match = find_customers(engine, customer_id.strip(), "all")
    if match.empty:
        st.warning("No such customer.")
        return
    st.dataframe(match, hide_index=True)

    with st.form("erase"):
        ticket = st.text_input("Request ticket (e.g. PRIV-1234)")
        confirm = st.text_input("Type the customer id again to confirm")
        go = st.form_submit_button("Erase personal data", type="primary")

    if go:
        if confirm.strip() != customer_id.strip():
            st.error("The confirmation does not match.")
            return
        if not ticket.startswith("PRIV-"):
            st.error("Link the privacy ticket.")
            return
        erase_customer(engine, customer_id.strip())
        audit.record(engine, "customer.erased", customer_id.strip(), ticket=ticket)
        clear_caches()
        st.success("Personal data erased.")


render()
