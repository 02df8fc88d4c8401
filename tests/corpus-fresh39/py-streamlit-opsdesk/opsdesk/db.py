"""Database access: one cached engine, small query helpers."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy import Engine, create_engine, text

from opsdesk.config import settings


@st.cache_resource
def get_engine() -> Engine:
    return create_engine(settings().database_url, pool_pre_ping=True, pool_size=5)


@st.cache_data(ttl=60, show_spinner=False)
def find_customers(_engine: Engine, term: str, region: str) -> pd.DataFrame:
    query = text(
        """
        SELECT id, name, email, region, status, created_at
        FROM customers
        WHERE deleted_at IS NULL
          AND (name ILIKE :term OR email ILIKE :term OR id::text = :exact)
        ORDER BY created_at DESC
        LIMIT 100
        """
    )
    with _engine.connect() as conn:
        return pd.read_sql(query, conn, params={"term": f"%{term}%", "exact": term})


@st.cache_data(ttl=30, show_spinner=False)
def customer_invoices(_engine: Engine, customer_id: str) -> pd.DataFrame:
    query = text(
        """
        SELECT id, number, status, total_cents, currency, issued_at
        FROM invoices WHERE customer_id = :cid ORDER BY issued_at DESC
        """
    )
    with _engine.connect() as conn:
        return pd.read_sql(query, conn, params={"cid": customer_id})


def invoices_between(engine: Engine, start, end) -> pd.DataFrame:
    query = text(
        """
        SELECT i.number, c.name AS customer, i.status, i.total_cents, i.currency, i.issued_at
        FROM invoices i JOIN customers c ON c.id = i.customer_id
        WHERE i.issued_at >= :start AND i.issued_at < :end
        ORDER BY i.issued_at
        """
    )
    with engine.connect() as conn:
        return pd.read_sql(query, conn, params={"start": start, "end": end})


def set_customer_status(engine: Engine, customer_id: str, status: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE customers SET status = :s WHERE id = :id"), {"s": status, "id": customer_id})


def merge_customers(engine: Engine, keep_id: str, drop_id: str) -> int:
    with engine.begin() as conn:
        moved = conn.execute(
            text("UPDATE invoices SET customer_id = :keep WHERE customer_id = :drop"),
            {"keep": keep_id, "drop": drop_id},
        ).rowcount
        conn.execute(text("UPDATE customers SET deleted_at = now() WHERE id = :drop"), {"drop": drop_id})
    return moved


def erase_customer(engine: Engine, customer_id: str) -> None:
    """GDPR erasure: anonymise personal data, keep invoices for accounting."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE customers SET name = 'erased', email = 'erased+' || id || '@invalid', "
                "phone = NULL, address = NULL, deleted_at = now() WHERE id = :id"
            ),
            {"id": customer_id},
        )
        conn.execute(text("DELETE FROM support_notes WHERE customer_id = :id"), {"id": customer_id})


def clear_caches() -> None:
    find_customers.clear()
    customer_invoices.clear()
