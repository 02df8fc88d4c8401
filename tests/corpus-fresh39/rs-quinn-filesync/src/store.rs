use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use bytes::Bytes;

use crate::auth::now;
use crate::protocol::Entry;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("invalid path {0:?}")]
    BadPath(String),
    #[error("not found")]
    NotFound,
    #[error("object exists")]
    Exists,
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Objects live under `root/objects`; `root/journal.log` records every change
/// so that clients can ask for everything since their last sync.
pub struct Store {
    root: PathBuf,
    journal: Mutex<File>,
}

impl Store {
    pub fn open(root: &Path) -> Result<Self, StoreError> {
        fs::create_dir_all(root.join("objects"))?;
        let journal = OpenOptions::new()
            .create(true)
            .append(true)
            .open(root.join("journal.log"))?;
        Ok(Self {
            root: root.to_path_buf(),
            journal: Mutex::new(journal),
        })
    }

    fn resolve(&self, path: &str) -> Result<PathBuf, StoreError> {
        let rel = Path::new(path);
        if path.is_empty()
            || rel.is_absolute()
            || rel.components().any(|c| !matches!(c, Component::Normal(_)))
        {
            return Err(StoreError::BadPath(path.to_string()));
        }
        Ok(self.root.join("objects").join(rel))
    }

    fn append_journal(&self, op: &str, path: &str, size: u64) -> io::Result<()> {
        let mut journal = self.journal.lock().expect("journal lock poisoned");
        writeln!(journal, "{}\t{}\t{}\t{}", now(), op, size, path)?;
        journal.sync_data()
    }

    pub fn exists(&self, path: &str) -> Result<bool, StoreError> {
        Ok(self.resolve(path)?.is_file())
    }

    pub fn put(&self, path: &str, data: &Bytes) -> Result<(), StoreError> {
        let target = self.resolve(path)?;
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        let tmp = target.with_extension("partial");
        fs::write(&tmp, data)?;
        if let Err(err) = fs::rename(&tmp, &target) {
            // Leave no half-written file behind; the rename error is what the caller needs.
            let _ = fs::remove_file(&tmp);
            return Err(err.into());
        }
        self.append_journal("put", path, data.len() as u64)?;
        Ok(())
    }

    pub fn get(&self, path: &str) -> Result<Bytes, StoreError> {
        let target = self.resolve(path)?;
        match fs::read(&target) {
            Ok(data) => Ok(Bytes::from(data)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(StoreError::NotFound),
            Err(e) => Err(e.into()),
        }
    }

    pub fn delete(&self, path: &str) -> Result<(), StoreError> {
        let target = self.resolve(path)?;
        match fs::remove_file(&target) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(StoreError::NotFound),
            Err(e) => return Err(e.into()),
        }
        self.append_journal("delete", path, 0).ok();
        Ok(())
    }

    pub fn changes_since(&self, prefix: &str, since: u64) -> Result<Vec<Entry>, StoreError> {
        let text = fs::read_to_string(self.root.join("journal.log"))?;
        let mut entries: Vec<Entry> = Vec::new();
        for line in text.lines() {
            let mut parts = line.splitn(4, '\t');
            let (Some(ts), Some(op), Some(size), Some(path)) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let ts: u64 = ts.parse().unwrap_or(0);
            if ts < since || !path.starts_with(prefix) {
                continue;
            }
            entries.retain(|e| e.path != path);
            entries.push(Entry {
                path: path.to_string(),
                size: size.parse().unwrap_or(0),
                modified: ts,
                deleted: op == "delete",
            });
        }
        Ok(entries)
    }

    pub fn purge(&self, prefix: &str) -> Result<u64, StoreError> {
        let mut removed = 0;
        for entry in self.changes_since(prefix, 0)? {
            if !entry.deleted && self.delete(&entry.path).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }

    pub fn usage(&self) -> Result<(u64, u64), StoreError> {
        let mut objects = 0;
        let mut bytes = 0;
        for entry in self.changes_since("", 0)? {
            if !entry.deleted {
                objects += 1;
                bytes += entry.size;
            }
        }
        Ok((objects, bytes))
    }
}
