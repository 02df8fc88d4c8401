use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{FromRow, PgPool};

use crate::messages::Line;

#[derive(Debug, Clone, FromRow)]
pub struct Invoice {
    pub id: i64,
    pub number: String,
    pub customer_id: i64,
    pub customer_email: String,
    pub currency: String,
    pub total_cents: i64,
    pub refunded_cents: i64,
    pub status: String,
    pub provider_ref: Option<String>,
    pub due_on: NaiveDate,
    pub paid_at: Option<DateTime<Utc>>,
}

pub async fn invoice(pool: &PgPool, id: i64) -> sqlx::Result<Option<Invoice>> {
    sqlx::query_as(
        "SELECT id, number, customer_id, customer_email, currency, total_cents, refunded_cents, \
                status, provider_ref, due_on, paid_at FROM invoices WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

pub async fn insert_invoice(
    pool: &PgPool,
    customer_id: i64,
    customer_email: &str,
    currency: &str,
    lines: &[Line],
    due_on: NaiveDate,
) -> sqlx::Result<i64> {
    let total: i64 = lines.iter().map(|l| i64::from(l.quantity) * l.unit_cents).sum();
    let mut tx = pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO invoices (number, customer_id, customer_email, currency, total_cents, due_on) \
         VALUES ('INV-' || nextval('invoices_id_seq'), $1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(customer_id)
    .bind(customer_email)
    .bind(currency)
    .bind(total)
    .bind(due_on)
    .fetch_one(&mut *tx)
    .await?;
    for (pos, line) in lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_cents) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(pos as i32)
        .bind(&line.description)
        .bind(line.quantity)
        .bind(line.unit_cents)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

pub async fn mark_paid(
    pool: &PgPool,
    invoice_id: i64,
    provider_ref: &str,
    paid_at: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let res = sqlx::query(
        "UPDATE invoices SET status = 'paid', provider_ref = $2, paid_at = now() \
         WHERE id = $1 AND status IN ('issued', 'overdue')",
    )
    .bind(invoice_id)
    .bind(provider_ref)
    .execute(pool)
    .await?;
    Ok(res.rows_affected())
}

pub async fn record_refund(pool: &PgPool, invoice_id: i64, amount_cents: i64) -> sqlx::Result<u64> {
    let res = sqlx::query(
        "UPDATE invoices SET refunded_cents = refunded_cents + $2, \
                status = CASE WHEN refunded_cents + $2 >= total_cents THEN 'refunded' ELSE status END \
         WHERE id = $1",
    )
    .bind(invoice_id)
    .bind(amount_cents)
    .execute(pool)
    .await?;
    Ok(res.rows_affected())
}

pub async fn record_reminder(pool: &PgPool, invoice_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE invoices SET last_reminder_at = now() WHERE id = $1").bind(invoice_id).execute(pool).await?;
    Ok(())
}

pub async fn lines(pool: &PgPool, invoice_id: i64) -> sqlx::Result<Vec<Line>> {
    let rows: Vec<(String, i32, i64)> = sqlx::query_as(
        "SELECT description, quantity, unit_cents FROM invoice_lines WHERE invoice_id = $1 ORDER BY position",
    )
    .bind(invoice_id)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(description, quantity, unit_cents)| Line { description, quantity, unit_cents }).collect())
}
