import datetime as dt
import io
from pathlib import Path

import streamlit as st

from opsdesk import audit
from opsdesk.auth import current_user, require_role
from opsdesk.db import get_engine, invoices_between

require_role("billing")

ARCHIVE_DIR = Path("/home/ubuntu/opsdesk/exports")

engine = get_engine()

st.title("Invoice exports")

today = dt.date.today()
first_of_month = today.replace(day=1)
with st.form("export"):
    start = st.date_input("From", value=(first_of_month - dt.timedelta(days=1)).replace(day=1), max_value=today)
    end = st.date_input("Until (exclusive)", value=first_of_month, max_value=today + dt.timedelta(days=1))
    keep_copy = st.checkbox("Keep a copy in the finance archive", value=True)
    run = st.form_submit_button("Build export")

if run:
    if end <= start:
        st.error("The end date must be after the start date.")
        st.stop()
    frame = invoices_between(engine, start, end)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    data = buffer.getvalue().encode()
    name = f"invoices-{start:%Y%m%d}-{end:%Y%m%d}.csv"
    if keep_copy:
        ARCHIVE_DIR.mkdir(parents=True, exist_ok=True)
        (ARCHIVE_DIR / name).write_bytes(data)
    audit.record(engine, "invoices.exported", name, rows=len(frame), by=current_user()["username"])
    st.session_state["export"] = (name, data)

if "export" in st.session_state:
    name, data = st.session_state["export"]
    st.download_button("Download CSV", data=data, file_name=name, mime="text/csv")
