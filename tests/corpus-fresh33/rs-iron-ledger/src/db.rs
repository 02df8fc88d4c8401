use std::fs;

use chrono::NaiveDate;
use iron::typemap::Key;
use native_tls::{Certificate, TlsConnector};
use postgres::Client;
use postgres_native_tls::MakeTlsConnector;
use r2d2_postgres::PostgresConnectionManager;

use crate::config::Config;
use crate::error::ApiError;
use crate::models::{Account, Entry, NewEntry};

pub type Pool = r2d2::Pool<PostgresConnectionManager<MakeTlsConnector>>;

/// Typemap key for `persistent::Read<DbPool>`.
pub struct DbPool;

impl Key for DbPool {
    type Value = Pool;
}

pub fn connect(config: &Config) -> Result<Pool, Box<dyn std::error::Error>> {
    let mut tls = TlsConnector::builder();
    if let Some(ca) = &config.database_ca {
        tls.add_root_certificate(Certificate::from_pem(&fs::read(ca)?)?);
    }
    let connector = MakeTlsConnector::new(tls.build()?);
    let manager = PostgresConnectionManager::new(config.database_url.parse()?, connector);
    Ok(r2d2::Pool::builder().max_size(16).build(manager)?)
}

pub struct ApiKeyRow {
    pub id: i64,
    pub owner_id: i64,
    pub key_hash: String,
}

pub fn api_key_by_prefix(conn: &mut Client, prefix: &str) -> Result<Option<ApiKeyRow>, ApiError> {
    let row = conn.query_opt(
        "SELECT id, owner_id, key_hash FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL",
        &[&prefix],
    )?;
    Ok(row.map(|r| ApiKeyRow {
        id: r.get(0),
        owner_id: r.get(1),
        key_hash: r.get(2),
    }))
}

pub fn account(conn: &mut Client, id: i64) -> Result<Account, ApiError> {
    let row = conn
        .query_opt(
            "SELECT id, owner_id, currency, balance_minor, frozen FROM accounts WHERE id = $1",
            &[&id],
        )?
        .ok_or(ApiError::NotFound)?;
    Ok(Account {
        id: row.get(0),
        owner_id: row.get(1),
        currency: row.get(2),
        balance_minor: row.get(3),
        frozen: row.get(4),
    })
}

fn entry_from_row(r: &postgres::Row) -> Entry {
    Entry {
        id: r.get("id"),
        account_id: r.get("account_id"),
        amount_minor: r.get("amount_minor"),
        currency: r.get("currency"),
        memo: r.get("memo"),
        booked_on: r.get("booked_on"),
        reversed_by: r.get("reversed_by"),
        created_at: r.get("created_at"),
    }
}

pub fn entries(
    conn: &mut Client,
    account_id: i64,
    since: NaiveDate,
    limit: i64,
) -> Result<Vec<Entry>, ApiError> {
    let rows = conn.query(
        "SELECT * FROM entries WHERE account_id = $1 AND booked_on >= $2 ORDER BY booked_on, id LIMIT $3",
        &[&account_id, &since, &limit],
    )?;
    Ok(rows.iter().map(entry_from_row).collect())
}

pub fn post_entry(
    conn: &mut Client,
    account_id: i64,
    entry: &NewEntry,
    amount_minor: i64,
) -> Result<Entry, ApiError> {
    let mut tx = conn.transaction()?;
    let row = tx.query_one(
        "INSERT INTO entries (account_id, amount_minor, currency, memo, booked_on)
         SELECT $1, $2, a.currency, $3, $4 FROM accounts a WHERE a.id = $1 RETURNING *",
        &[&account_id, &amount_minor, &entry.memo, &entry.booked_on],
    )?;
    let updated = tx.execute(
        "UPDATE accounts SET balance_minor = balance_minor + $2 WHERE id = $1 AND NOT frozen",
        &[&account_id, &amount_minor],
    )?;
    if updated != 1 {
        // Dropping would roll back too; being explicit keeps the conflict path readable.
        let _ = tx.rollback();
        return Err(ApiError::Conflict("account is frozen".into()));
    }
    tx.commit()?;
    Ok(entry_from_row(&row))
}

pub fn reverse_entry(
    conn: &mut Client,
    entry_id: i64,
    reason: &str,
    actor: &str,
) -> Result<Entry, ApiError> {
    let mut tx = conn.transaction()?;
    let original = tx
        .query_opt(
            "SELECT * FROM entries WHERE id = $1 AND reversed_by IS NULL FOR UPDATE",
            &[&entry_id],
        )?
        .ok_or(ApiError::NotFound)?;
    let original = entry_from_row(&original);
    let memo = format!("reversal of #{} by {}", original.id, actor);
    let row = tx.query_one(
        "INSERT INTO entries (account_id, amount_minor, currency, memo, booked_on)
         VALUES ($1, $2, $3, $4, CURRENT_DATE) RETURNING *",
        &[
            &original.account_id,
            &(-original.amount_minor),
            &original.currency,
            &memo,
        ],
    )?;
    let reversal = entry_from_row(&row);
    tx.execute(
        "UPDATE entries SET reversed_by = $2 WHERE id = $1",
        &[&entry_id, &reversal.id],
    )?;
    tx.execute(
        "UPDATE accounts SET balance_minor = balance_minor - $2 WHERE id = $1",
        &[&original.account_id, &original.amount_minor],
    )?;
    tx.commit()?;
    Ok(reversal)
}

pub fn record_settlement(
    conn: &mut Client,
    reference: &str,
    account_id: i64,
    amount_minor: i64,
) -> Result<bool, ApiError> {
    let inserted = conn.execute(
        "INSERT INTO settlements (reference, account_id, amount_minor) VALUES ($1, $2, $3)
         ON CONFLICT (reference) DO NOTHING",
        &[&reference, &account_id, &amount_minor],
    )?;
    Ok(inserted == 1)
}

pub fn admin_session(conn: &mut Client, session_id: &str) -> Result<Option<String>, ApiError> {
    let row = conn.query_opt(
        "SELECT operator FROM admin_sessions WHERE id = $1 AND expires_at > now()",
        &[&session_id],
    )?;
    Ok(row.map(|r| r.get(0)))
}

pub fn close_period(conn: &mut Client, period_end: NaiveDate) -> Result<u64, ApiError> {
    Ok(conn.execute(
        "UPDATE periods SET closed = true WHERE end_date <= $1 AND NOT closed",
        &[&period_end],
    )?)
}

pub fn insert_audit(
    conn: &mut Client,
    operator: &str,
    action: &str,
    detail: &str,
) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO audit_log (operator, action, detail) VALUES ($1, $2, $3)",
        &[&operator, &action, &detail],
    )?;
    Ok(())
}
