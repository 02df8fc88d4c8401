import streamlit as st

from opsdesk import audit
from opsdesk.auth import current_user, has_role, require_role
from opsdesk.db import clear_caches, customer_invoices, find_customers, get_engine, merge_customers, set_customer_status

require_role("support", "billing")

engine = get_engine()
user = current_user()


def _block_account(customer_id: str, reason: str) -> None:
    if not has_role("admin"):
        st.error("Only admins can block accounts.")
        return
    set_customer_status(engine, customer_id, "blocked")
    audit.record(engine, "customer.blocked", customer_id, reason=reason)
    clear_caches()
    st.success(f"Customer {customer_id} blocked.")


def _merge_accounts(keep_id: str, drop_id: str) -> None:
    if keep_id == drop_id:
        st.warning("Pick two different customers.")
        return
    moved = merge_customers(engine, keep_id, drop_id)
    audit.record(engine, "customer.merged", keep_id, dropped=drop_id, invoices_moved=moved)
    clear_caches()
    st.success(f"Merged {drop_id} into {keep_id}; {moved} invoices moved.")


st.title("Customers")

# Look-ups are open to every support and billing agent; the actions below are not.
term = st.text_input("Search by name, email or customer id", key="customer_term")
if term:
    results = find_customers(engine, term.strip(), user["region"])
    st.dataframe(results, hide_index=True, use_container_width=True)
    if not results.empty:
        selected = st.selectbox("Customer", results["id"], format_func=lambda cid: f"{cid}")
        st.subheader("Invoices")
        st.dataframe(customer_invoices(engine, selected), hide_index=True, use_container_width=True)

        with st.form("block"):
            reason = st.text_input("Reason for blocking")
            if st.form_submit_button("Block account", type="primary"):
                _block_account(selected, reason)

        with st.form("merge"):
            st.caption("Merge a duplicate account into the selected one.")
            duplicate = st.text_input("Duplicate customer id")
            if st.form_submit_button("Merge duplicate"):
                _merge_accounts(selected, duplicate.strip())
