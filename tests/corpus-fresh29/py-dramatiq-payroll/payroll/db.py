from functools import lru_cache
from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from payroll import settings


@lru_cache(maxsize=1)
def pool() -> ConnectionPool:
    return ConnectionPool(settings.load().database_url, min_size=1, max_size=8, open=True)


def fetch_one(sql: str, params: tuple = ()) -> dict[str, Any] | None:
    with pool().connection() as conn, conn.cursor(row_factory=dict_row) as cur:
        cur.execute(sql, params)
        return cur.fetchone()


def fetch_all(sql: str, params: tuple = ()) -> list[dict[str, Any]]:
    with pool().connection() as conn, conn.cursor(row_factory=dict_row) as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def execute(sql: str, params: tuple = ()) -> int:
    with pool().connection() as conn:
        return conn.execute(sql, params).rowcount


def employee(employee_id: int) -> dict[str, Any]:
    row = fetch_one(
        "SELECT id, full_name, email, annual_salary_pence, bonus_pence, tax_code, sort_code, account_number "
        "FROM employees WHERE id = %s AND active",
        (employee_id,),
    )
    if row is None:
        raise LookupError(f"employee {employee_id} not found or inactive")
    return row


def period(period_id: int) -> dict[str, Any]:
    row = fetch_one("SELECT id, starts_on, ends_on, pay_date, run_id FROM pay_periods WHERE id = %s", (period_id,))
    if row is None:
        raise LookupError(f"pay period {period_id} not found")
    return row


def save_payslip(employee_id: int, period_id: int, gross: int, tax: int, ni: int, net: int) -> int:
    row = fetch_one(
        """
        INSERT INTO payslips (employee_id, period_id, gross_pence, tax_pence, ni_pence, net_pence)
        VALUES (%s, %s, %s, %s, %s, %s)
        ON CONFLICT (employee_id, period_id) DO UPDATE
          SET gross_pence = EXCLUDED.gross_pence, tax_pence = EXCLUDED.tax_pence,
              ni_pence = EXCLUDED.ni_pence, net_pence = EXCLUDED.net_pence, updated_at = now()
        RETURNING id
        """,
        (employee_id, period_id, gross, tax, ni, net),
    )
    return row["id"]


def payslip(payslip_id: int) -> dict[str, Any] | None:
    return fetch_one(
        "SELECT p.*, e.full_name, e.email FROM payslips p JOIN employees e ON e.id = p.employee_id WHERE p.id = %s",
        (payslip_id,),
    )


def create_run(period_id: int, started_by: str) -> int:
    return fetch_one(
        "INSERT INTO payroll_runs (period_id, status, started_by) VALUES (%s, 'computing', %s) RETURNING id",
        (period_id, started_by),
    )["id"]


def approve_run(run_id: int, approver: str) -> None:
    execute("UPDATE payroll_runs SET status = 'approved', approved_by = %s, approved_at = now() WHERE id = %s", (approver, run_id))


def list_runs(limit: int = 20) -> list[dict[str, Any]]:
    return fetch_all(
        "SELECT id, period_id, status, started_by, approved_by, created_at FROM payroll_runs ORDER BY id DESC LIMIT %s",
        (limit,),
    )


def pending_payments(run_id: int) -> list[dict[str, Any]]:
    return fetch_all(
        "SELECT id, payslip_id FROM payments WHERE run_id = %s AND status = 'pending' ORDER BY id", (run_id,)
    )


def mark_payment(payment_id: int, status: str, bank_reference: str | None = None) -> None:
    execute(
        "UPDATE payments SET status = %s, bank_reference = COALESCE(%s, bank_reference), updated_at = now() WHERE id = %s",
        (status, bank_reference, payment_id),
    )


def operator_roles(username: str) -> set[str]:
    rows = fetch_all("SELECT role FROM operator_roles WHERE username = %s", (username,))
    return {r["role"] for r in rows}


def insert_audit(actor: str, message_id: str, args: list, outcome: str, retries: int) -> None:
    execute(
        "INSERT INTO audit_log (actor, message_id, args, outcome, retries) VALUES (%s, %s, %s, %s, %s)",
        (actor, message_id, Jsonb(args), outcome, retries),
    )
