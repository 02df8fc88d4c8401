//! SQLite persistence for the notes app.
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

mod migrations;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Note {
    pub id: i64,
    pub workspace_id: i64,
    pub title: String,
    pub body: String,
    pub archived: bool,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Invite {
    pub workspace_id: i64,
    pub email: String,
    pub token: String,
}

pub struct Store {
    conn: Mutex<Connection>,
}

pub fn default_db_path() -> PathBuf {
    std::env::var_os("NOTES_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/home/lena/dev/notes-app/target/notes.sqlite3"))
}

impl Store {
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::run(&conn)?;
        Ok(Store { conn: Mutex::new(conn) })
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::open(":memory:")
    }

    pub fn create_workspace(&self, name: &str) -> Result<i64> {
        assert!(!name.trim().is_empty(), "workspace name must not be empty");
        let conn = self.conn.lock().unwrap();
        conn.execute("INSERT INTO workspaces (name) VALUES (?1)", params![name])?;
        Ok(conn.last_insert_rowid())
    }

    pub fn list_notes(&self, workspace_id: i64, limit: u32) -> Result<Vec<Note>> {
        let conn = self.conn.lock().unwrap();
        let mut stmt = conn.prepare(
            "SELECT id, workspace_id, title, body, archived, updated_at FROM notes
             WHERE workspace_id = ?1 AND archived = 0 ORDER BY updated_at DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![workspace_id, limit], |r| {
            Ok(Note {
                id: r.get(0)?,
                workspace_id: r.get(1)?,
                title: r.get(2)?,
                body: r.get(3)?,
                archived: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn create_note(&self, workspace_id: i64, title: &str, body: &str) -> Result<i64> {
        let mut conn = self.conn.lock().unwrap();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO notes (workspace_id, title, body, archived, updated_at) VALUES (?1, ?2, ?3, 0, ?4)",
            params![workspace_id, title, body, Utc::now()],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute("UPDATE workspaces SET note_count = note_count + 1 WHERE id = ?1", params![workspace_id])?;
        tx.commit()?;
        Ok(id)
    }

    pub fn delete_workspace(&self, workspace_id: i64) -> Result<()> {
        let mut conn = self.conn.lock().unwrap();
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM notes WHERE workspace_id = ?1", params![workspace_id])?;
        let n = tx.execute("DELETE FROM workspaces WHERE id = ?1", params![workspace_id])?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().ok();
        Ok(())
    }

    pub fn find_invite(&self, workspace_id: i64, email: &str) -> Result<Invite> {
        let conn = self.conn.lock().unwrap();
        conn.query_row(
            "SELECT workspace_id, email, token FROM invites WHERE workspace_id = ?1 AND email = ?2",
            params![workspace_id, email],
            |r| Ok(Invite { workspace_id: r.get(0)?, email: r.get(1)?, token: r.get(2)? }),
        )
        .optional()?
        .ok_or(StoreError::NotFound)
    }
}

#[cfg(test)]
mod tests;
