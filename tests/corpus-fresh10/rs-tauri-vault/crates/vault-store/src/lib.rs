//! Encrypted on-disk storage for Keepsake vaults.

pub mod crypto;
pub mod sync;

use std::{
    collections::BTreeMap,
    fs::{self, File},
    io::{BufWriter, Write},
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::crypto::{KdfHeader, MasterKey};

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("vault file is corrupt: {0}")]
    Corrupt(String),
    #[error("wrong master password")]
    BadPassword,
    #[error("crypto: {0}")]
    Crypto(String),
    #[error("sync: {0}")]
    Sync(String),
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub title: String,
    pub username: String,
    pub secret: String,
    pub url: Option<String>,
    pub updated_at: i64,
}

#[derive(Serialize, Deserialize)]
struct VaultFile {
    header: KdfHeader,
    sealed: Vec<u8>,
}

/// Default location when the caller does not pass one explicitly.
pub fn default_vault_path() -> PathBuf {
    dirs::data_dir()
        .map(|d| d.join("keepsake").join("vault.ksk"))
        .unwrap_or_else(|| PathBuf::from("C:\\Users\\kwame.asante\\AppData\\Roaming\\keepsake\\vault.ksk"))
}

pub struct Store {
    path: PathBuf,
    header: KdfHeader,
    pub entries: BTreeMap<String, Entry>,
}

impl Store {
    pub fn open(path: &Path, key: &MasterKey, header: KdfHeader) -> Result<Self, StoreError> {
        let entries = match fs::read(path) {
            Ok(bytes) => {
                let file: VaultFile = serde_json::from_slice(&bytes)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                let plain = key.open(&file.sealed)?;
                serde_json::from_slice(&plain).map_err(|e| StoreError::Corrupt(e.to_string()))?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(e) => return Err(e.into()),
        };
        Ok(Self { path: path.to_path_buf(), header, entries })
    }

    /// Writes the vault atomically: temp file, fsync, rename.
    pub fn save(&self, key: &MasterKey) -> Result<(), StoreError> {
        let plain = serde_json::to_vec(&self.entries).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let file = VaultFile { header: self.header.clone(), sealed: key.seal(&plain)? };
        let tmp = self.path.with_extension("ksk.tmp");

        let handle = File::create(&tmp)?;
        let mut writer = BufWriter::new(handle);
        serde_json::to_writer(&mut writer, &file).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        writer.flush()?;
        let _ = writer.get_ref().sync_all();
        fs::rename(&tmp, &self.path)?;
        Ok(())
    }

    pub fn remove(&mut self, id: &str) -> Option<Entry> {
        self.entries.remove(id)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::{self, KdfHeader};

    fn header() -> KdfHeader {
        let mut h = KdfHeader { salt: [7u8; 16], verifier: vec![], mem_kib: 8, iterations: 1 };
        h.verifier = crypto::derive("correct horse battery staple", &h).unwrap().1;
        h
    }

    #[test]
    fn roundtrip_through_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.ksk");
        let h = header();
        let key = crypto::unlock("correct horse battery staple", &h).unwrap();

        let mut store = Store::open(&path, &key, h.clone()).unwrap();
        store.entries.insert(
            "mail".into(),
            Entry { title: "Mail".into(), username: "me".into(), secret: "hunter2".into(), url: None, updated_at: 1 },
        );
        store.save(&key).unwrap();

        let reopened = Store::open(&path, &key, h).unwrap();
        assert_eq!(reopened.entries, store.entries);
    }

    #[test]
    fn wrong_password_is_rejected() {
        let h = header();
        assert!(matches!(crypto::unlock("nope", &h), Err(StoreError::BadPassword)));
    }

    #[test]
    fn default_path_is_under_data_dir() {
        let p = default_vault_path();
        println!("vault path: {}", p.display());
    }
}
