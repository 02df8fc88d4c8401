use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("unknown item {0:?}")]
    UnknownItem(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: String,
    pub amount_cents: i64,
    pub note: String,
    pub at: String,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Stats {
    pub purchases: i64,
    pub spent_cents: i64,
    pub topped_up_cents: i64,
}

pub struct Storage {
    conn: Connection,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS users (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    is_admin    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS prices (
    item        TEXT PRIMARY KEY,
    cents       INTEGER NOT NULL CHECK (cents >= 0)
);
CREATE TABLE IF NOT EXISTS ledger (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    kind        TEXT NOT NULL,          -- purchase | topup | adjust
    amount      INTEGER NOT NULL,       -- cents, negative for purchases
    note        TEXT NOT NULL DEFAULT '',
    reference   TEXT UNIQUE,
    at          TEXT NOT NULL DEFAULT (datetime('now'))
);
";

impl Storage {
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StorageError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let storage = Self { conn };
        storage.migrate()?;
        Ok(storage)
    }

    pub fn open_in_memory() -> Result<Self, StorageError> {
        let storage = Self { conn: Connection::open_in_memory()? };
        storage.migrate()?;
        Ok(storage)
    }

    fn migrate(&self) -> Result<(), StorageError> {
        self.conn.execute_batch(SCHEMA)?;
        Ok(())
    }

    pub fn ensure_user(&self, user_id: i64, name: &str) -> Result<(), StorageError> {
        self.conn.execute(
            "INSERT INTO users (id, name) VALUES (?1, ?2) ON CONFLICT(id) DO UPDATE SET name = excluded.name",
            params![user_id, name],
        )?;
        Ok(())
    }

    pub fn balance(&self, user_id: i64) -> Result<i64, StorageError> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(SUM(amount), 0) FROM ledger WHERE user_id = ?1", [user_id], |r| r.get(0))?)
    }

    pub fn price_of(&self, item: &str) -> Result<i64, StorageError> {
        self.conn
            .query_row("SELECT cents FROM prices WHERE item = ?1", [item.to_lowercase()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StorageError::UnknownItem(item.to_string()))
    }

    pub fn prices(&self) -> Result<Vec<(String, i64)>, StorageError> {
        let mut stmt = self.conn.prepare("SELECT item, cents FROM prices ORDER BY item")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn set_price(&self, item: &str, cents: i64) -> Result<(), StorageError> {
        self.conn.execute(
            "INSERT INTO prices (item, cents) VALUES (?1, ?2) ON CONFLICT(item) DO UPDATE SET cents = excluded.cents",
            params![item.to_lowercase(), cents],
        )?;
        Ok(())
    }

    /// Records a purchase and returns the amount charged in cents.
    pub fn record_purchase(&self, user_id: i64, item: &str, qty: u32) -> Result<i64, StorageError> {
        let price = self.price_of(item)?;
        self.conn.execute(
            "INSERT INTO ledger (user_id, kind, amount, note) VALUES (?1, 'purchase', ?2, ?3)",
            params![user_id, -price, item.to_lowercase()],
        )?;
        Ok(price)
    }

    /// Credits a confirmed top-up. `reference` is the payment id, so a payment
    /// can only ever be credited once.
    pub fn credit(&self, user_id: i64, cents: i64, reference: &str) -> Result<(), StorageError> {
        self.conn.execute(
            "INSERT INTO ledger (user_id, kind, amount, note, reference) VALUES (?1, 'topup', ?2, 'card top-up', ?3)",
            params![user_id, cents, reference],
        )?;
        Ok(())
    }

    pub fn adjust(&self, user_id: i64, cents: i64, admin_id: i64) -> Result<(), StorageError> {
        self.conn.execute(
            "INSERT INTO ledger (user_id, kind, amount, note) VALUES (?1, 'adjust', ?2, ?3)",
            params![user_id, cents, format!("adjusted by {admin_id}")],
        )?;
        Ok(())
    }

    pub fn history(&self, user_id: i64, limit: usize) -> Result<Vec<Entry>, StorageError> {
        let mut stmt = self
            .conn
            .prepare("SELECT kind, amount, note, at FROM ledger WHERE user_id = ?1 ORDER BY id DESC LIMIT ?2")?;
        let rows = stmt.query_map(params![user_id, limit as i64], |r| {
            Ok(Entry { kind: r.get(0)?, amount_cents: r.get(1)?, note: r.get(2)?, at: r.get(3)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn add_admin(&self, user_id: i64) -> Result<(), StorageError> {
        self.conn.execute("UPDATE users SET is_admin = 1 WHERE id = ?1", [user_id])?;
        Ok(())
    }

    pub fn is_admin(&self, user_id: i64) -> Result<bool, StorageError> {
        Ok(self
            .conn
            .query_row("SELECT is_admin FROM users WHERE id = ?1", [user_id], |r| r.get::<_, bool>(0))
            .optional()?
            .unwrap_or(false))
    }

    pub fn month_stats(&self) -> Result<Stats, StorageError> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FILTER (WHERE kind = 'purchase'),
                    COALESCE(-SUM(amount) FILTER (WHERE kind = 'purchase'), 0),
                    COALESCE(SUM(amount) FILTER (WHERE kind = 'topup'), 0)
               FROM ledger WHERE at >= date('now', 'start of month')",
            [],
            |r| Ok(Stats { purchases: r.get(0)?, spent_cents: r.get(1)?, topped_up_cents: r.get(2)? }),
        )?)
    }

    pub fn vacuum(&self) -> Result<(), StorageError> {
        self.conn.execute_batch("VACUUM")?;
        Ok(())
    }

    pub fn prune_inactive_users(&self) -> Result<usize, StorageError> {
        Ok(self.conn.execute(
            "DELETE FROM users WHERE is_admin = 0 AND id NOT IN (
                 SELECT user_id FROM ledger WHERE at >= datetime('now', '-1 year'))
             AND (SELECT COALESCE(SUM(amount), 0) FROM ledger WHERE user_id = users.id) = 0",
            [],
        )?)
    }

    pub fn reset_balances(&self) -> Result<usize, StorageError> {
        Ok(self.conn.execute(
            "INSERT INTO ledger (user_id, kind, amount, note)
             SELECT user_id, 'adjust', -SUM(amount), 'season reset' FROM ledger GROUP BY user_id HAVING SUM(amount) <> 0",
            [],
        )?)
    }

    pub fn backup_to(&self, path: impl AsRef<Path>) -> Result<(), StorageError> {
        let mut dst = Connection::open(path)?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut dst)?;
        backup.run_to_completion(64, Duration::from_millis(20), None)?;
        Ok(())
    }
}
