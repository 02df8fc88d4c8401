use std::path::Path;

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("no active data key")]
    NoKey,
    #[error("item {0} could not be decrypted")]
    Decrypt(String),
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub name: String,
    pub key_id: String,
    pub updated_at: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub items: i64,
    pub active_key: Option<String>,
    pub last_sync_revision: Option<i64>,
}

pub struct Storage {
    conn: Connection,
}

const SCHEMA: &str = "
create table if not exists keys (
    id text primary key, material blob not null, created_at integer not null, retired_at integer
);
create table if not exists items (
    name text primary key, key_id text not null references keys(id),
    nonce blob not null, ciphertext blob not null, updated_at integer not null
);
create table if not exists audit (
    ts integer not null, uid integer not null, action text not null, detail text not null
);
create table if not exists sync_state (id integer primary key check (id = 1), revision integer not null);
";

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Storage {
    pub fn open(path: &Path) -> Result<Self, StorageError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                rusqlite::Error::InvalidPath(format!("{}: {e}", parent.display()).into())
            })?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self { conn })
    }

    fn active_key(&self) -> Result<(String, Vec<u8>), StorageError> {
        self.conn
            .query_row(
                "select id, material from keys where retired_at is null order by created_at desc limit 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StorageError::NoKey)
    }

    fn key_material(&self, id: &str) -> Result<Vec<u8>, StorageError> {
        Ok(self
            .conn
            .query_row("select material from keys where id = ?1", [id], |r| {
                r.get(0)
            })?)
    }

    pub fn create_key(&self) -> Result<String, StorageError> {
        let mut material = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut material);
        let id = format!("k{}-{}", now(), hex::encode(&material[..4]));
        self.conn.execute(
            "insert into keys (id, material, created_at) values (?1, ?2, ?3)",
            params![id, material.to_vec(), now()],
        )?;
        Ok(id)
    }

    pub fn put(&self, name: &str, secret: &str) -> Result<(), StorageError> {
        let (key_id, material) = self.active_key()?;
        let cipher = ChaCha20Poly1305::new(Key::from_slice(&material));
        let mut nonce = [0u8; 12];
        rand::thread_rng().fill_bytes(&mut nonce);
        let ciphertext = cipher
            .encrypt(Nonce::from_slice(&nonce), secret.as_bytes())
            .map_err(|_| StorageError::Decrypt(name.to_string()))?;
        self.conn.execute(
            "insert into items (name, key_id, nonce, ciphertext, updated_at) values (?1, ?2, ?3, ?4, ?5)
             on conflict(name) do update set key_id = excluded.key_id, nonce = excluded.nonce,
                 ciphertext = excluded.ciphertext, updated_at = excluded.updated_at",
            params![name, key_id, nonce.to_vec(), ciphertext, now()],
        )?;
        Ok(())
    }

    /// All items with their plaintext values.
    pub fn decrypted_items(&self) -> Result<Vec<Item>, StorageError> {
        let mut stmt = self.conn.prepare(
            "select name, key_id, nonce, ciphertext, updated_at from items order by name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (name, key_id, nonce, ciphertext, updated_at) = row?;
            let cipher = ChaCha20Poly1305::new(Key::from_slice(&self.key_material(&key_id)?));
            let plain = cipher
                .decrypt(Nonce::from_slice(&nonce), ciphertext.as_ref())
                .map_err(|_| StorageError::Decrypt(name.clone()))?;
            out.push(Item {
                name,
                key_id,
                updated_at,
                secret: Some(String::from_utf8_lossy(&plain).into_owned()),
            });
        }
        Ok(out)
    }

    /// Re-encrypts every item under a fresh key and retires the old ones. Returns the new key id.
    pub fn rotate(&mut self) -> Result<String, StorageError> {
        let items = self.decrypted_items()?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "update keys set retired_at = ?1 where retired_at is null",
            [now()],
        )?;
        tx.commit()?;
        let key_id = self.create_key()?;
        for item in &items {
            self.put(&item.name, item.secret.as_deref().unwrap_or_default())?;
        }
        Ok(key_id)
    }

    pub fn key_for_escrow(&self, id: &str) -> Result<Vec<u8>, StorageError> {
        self.key_material(id)
    }

    pub fn append_audit(&self, uid: u32, action: &str, detail: &str) -> Result<(), StorageError> {
        self.conn.execute(
            "insert into audit (ts, uid, action, detail) values (?1, ?2, ?3, ?4)",
            params![now(), uid, action, detail],
        )?;
        Ok(())
    }

    pub fn stats(&self) -> Result<Stats, StorageError> {
        let items = self
            .conn
            .query_row("select count(*) from items", [], |r| r.get(0))?;
        let active_key = match self.active_key() {
            Ok((id, _)) => Some(id),
            Err(StorageError::NoKey) => None,
            Err(e) => return Err(e),
        };
        let last_sync_revision = self
            .conn
            .query_row("select revision from sync_state where id = 1", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(Stats {
            items,
            active_key,
            last_sync_revision,
        })
    }

    pub fn set_revision(&self, revision: i64) -> Result<(), StorageError> {
        self.conn.execute(
            "insert into sync_state (id, revision) values (1, ?1)
             on conflict(id) do update set revision = excluded.revision",
            [revision],
        )?;
        Ok(())
    }
}
