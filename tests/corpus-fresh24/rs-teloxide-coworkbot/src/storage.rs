use std::{path::Path, sync::Mutex};

use chrono::{Duration, NaiveDate, Utc};
use rusqlite::{params, Connection, DatabaseName, OptionalExtension, Row};

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS bookings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL,
    chat_id     INTEGER NOT NULL,
    day         TEXT    NOT NULL,
    zone        TEXT    NOT NULL,
    price_cents INTEGER NOT NULL,
    charge_id   TEXT,
    status      TEXT    NOT NULL DEFAULT 'pending',
    created_at  TEXT    NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX IF NOT EXISTS bookings_day ON bookings(day, zone);
CREATE TABLE IF NOT EXISTS staff  (user_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS banned (user_id INTEGER PRIMARY KEY, at TEXT NOT NULL DEFAULT (datetime('now')));
"#;

const BOOKING_COLUMNS: &str = "id, user_id, chat_id, day, zone, price_cents, charge_id, status";

#[derive(Debug, Clone, PartialEq)]
pub struct Booking {
    pub id: i64,
    pub user_id: u64,
    pub chat_id: i64,
    pub day: NaiveDate,
    pub zone: String,
    pub price_cents: i64,
    pub charge_id: Option<String>,
    pub status: String,
}

fn row_to_booking(row: &Row<'_>) -> rusqlite::Result<Booking> {
    Ok(Booking {
        id: row.get(0)?,
        user_id: row.get::<_, i64>(1)? as u64,
        chat_id: row.get(2)?,
        day: row.get(3)?,
        zone: row.get(4)?,
        price_cents: row.get(5)?,
        charge_id: row.get(6)?,
        status: row.get(7)?,
    })
}

pub struct Storage {
    conn: Mutex<Connection>,
}

impl Storage {
    pub fn open(path: impl AsRef<Path>) -> rusqlite::Result<Self> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::init(conn)
    }

    pub fn open_in_memory() -> rusqlite::Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> rusqlite::Result<Self> {
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    pub fn create_booking(
        &self,
        user_id: u64,
        chat_id: i64,
        day: NaiveDate,
        zone: &str,
        price_cents: i64,
    ) -> rusqlite::Result<i64> {
        let conn = self.conn.lock().unwrap();
        conn.execute(
            "INSERT INTO bookings (user_id, chat_id, day, zone, price_cents) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![user_id as i64, chat_id, day, zone, price_cents],
        )?;
        Ok(conn.last_insert_rowid())
    }

    pub fn booking(&self, id: i64) -> rusqlite::Result<Option<Booking>> {
        let conn = self.conn.lock().unwrap();
        conn.query_row(
            &format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE id = ?1"),
            params![id],
            row_to_booking,
        )
        .optional()
    }

    pub fn bookings_for_user(&self, user_id: u64) -> rusqlite::Result<Vec<Booking>> {
        let conn = self.conn.lock().unwrap();
        let mut stmt = conn.prepare(&format!(
            "SELECT {BOOKING_COLUMNS} FROM bookings WHERE user_id = ?1 ORDER BY day"
        ))?;
        let rows = stmt.query_map(params![user_id as i64], row_to_booking)?;
        rows.collect()
    }

    pub fn bookings_for_day(
        &self,
        day: NaiveDate,
        zone: Option<&str>,
    ) -> rusqlite::Result<Vec<Booking>> {
        let conn = self.conn.lock().unwrap();
        let mut stmt = conn.prepare(&format!(
            "SELECT {BOOKING_COLUMNS} FROM bookings WHERE day = ?1 AND status != 'cancelled' ORDER BY id"
        ))?;
        let rows = stmt.query_map(params![day], row_to_booking)?;
        rows.collect()
    }

    pub fn attach_charge(&self, id: i64, charge_id: &str) -> rusqlite::Result<()> {
        let conn = self.conn.lock().unwrap();
        conn.execute(
            "UPDATE bookings SET charge_id = ?2 WHERE id = ?1",
            params![id, charge_id],
        )?;
        Ok(())
    }

    pub fn mark_paid(&self, id: i64, charge_id: &str) -> rusqlite::Result<()> {
        let conn = self.conn.lock().unwrap();
        let changed = conn.execute(
            "UPDATE bookings SET status = 'paid' WHERE id = ?1 AND charge_id = ?2 AND status = 'pending'",
            params![id, charge_id],
        )?;
        if changed == 0 {
            return Err(rusqlite::Error::QueryReturnedNoRows);
        }
        Ok(())
    }

    pub fn mark_refunded(&self, id: i64) -> rusqlite::Result<()> {
        let conn = self.conn.lock().unwrap();
        conn.execute(
            "UPDATE bookings SET status = 'refunded' WHERE id = ?1",
            params![id],
        )?;
        Ok(())
    }

    pub fn cancel(&self, id: i64) -> rusqlite::Result<()> {
        let conn = self.conn.lock().unwrap();
        conn.execute(
            "UPDATE bookings SET status = 'cancelled' WHERE id = ?1",
            params![id],
        )?;
        Ok(())
    }

    pub fn add_staff(&self, user_id: u64, name: &str) -> rusqlite::Result<()> {
        let conn = self.conn.lock().unwrap();
        conn.execute(
            "INSERT INTO staff (user_id, name) VALUES (?1, ?2) ON CONFLICT(user_id) DO UPDATE SET name = ?2",
            params![user_id as i64, name],
        )?;
        Ok(())
    }

    pub fn is_staff(&self, user_id: u64) -> rusqlite::Result<bool> {
        let conn = self.conn.lock().unwrap();
        conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM staff WHERE user_id = ?1)",
            params![user_id as i64],
            |r| r.get(0),
        )
    }

    pub fn ban(&self, user_id: u64) -> rusqlite::Result<()> {
        let conn = self.conn.lock().unwrap();
        conn.execute(
            "INSERT OR IGNORE INTO banned (user_id) VALUES (?1)",
            params![user_id as i64],
        )?;
        Ok(())
    }

    pub fn is_banned(&self, user_id: u64) -> rusqlite::Result<bool> {
        let conn = self.conn.lock().unwrap();
        conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM banned WHERE user_id = ?1)",
            params![user_id as i64],
            |r| r.get(0),
        )
    }

    pub fn member_chat_ids(&self) -> rusqlite::Result<Vec<i64>> {
        let conn = self.conn.lock().unwrap();
        let mut stmt = conn.prepare(
            "SELECT DISTINCT chat_id FROM bookings WHERE chat_id > 0 AND user_id NOT IN (SELECT user_id FROM banned)",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect()
    }

    pub fn purge_older_than(&self, days: u32) -> rusqlite::Result<usize> {
        let cutoff = Utc::now().date_naive() - Duration::days(days as i64);
        let conn = self.conn.lock().unwrap();
        conn.execute("DELETE FROM bookings WHERE day < ?1", params![cutoff])
    }

    pub fn backup_to(&self, path: &Path) -> rusqlite::Result<()> {
        let conn = self.conn.lock().unwrap();
        conn.backup(DatabaseName::Main, path, None)
    }
}
