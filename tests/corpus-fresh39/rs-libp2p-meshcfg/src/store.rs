use std::path::Path;

use redb::{Database, ReadableTable, TableDefinition};

use crate::protocol::Record;

const LATEST: TableDefinition<&str, &[u8]> = TableDefinition::new("latest");
const HISTORY: TableDefinition<&str, &[u8]> = TableDefinition::new("history");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Db(#[from] redb::Error),
    #[error("corrupt record: {0}")]
    Corrupt(#[from] serde_json::Error),
}

macro_rules! db {
    ($e:expr) => {
        $e.map_err(|e| StoreError::Db(e.into()))
    };
}

pub struct Store {
    db: Database,
}

fn history_key(key: &str, version: u64) -> String {
    format!("{key}@{version:020}")
}

impl Store {
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::Db(e.into()))?;
        }
        let db = db!(Database::create(path))?;
        let txn = db!(db.begin_write())?;
        {
            db!(txn.open_table(LATEST))?;
            db!(txn.open_table(HISTORY))?;
        }
        db!(txn.commit())?;
        Ok(Self { db })
    }

    pub fn latest(&self, key: &str) -> Result<Option<Record>, StoreError> {
        let txn = db!(self.db.begin_read())?;
        let table = db!(txn.open_table(LATEST))?;
        match db!(table.get(key))? {
            Some(raw) => Ok(Some(serde_json::from_slice(raw.value())?)),
            None => Ok(None),
        }
    }

    pub fn at_version(&self, key: &str, version: u64) -> Result<Option<Record>, StoreError> {
        let txn = db!(self.db.begin_read())?;
        let table = db!(txn.open_table(HISTORY))?;
        match db!(table.get(history_key(key, version).as_str()))? {
            Some(raw) => Ok(Some(serde_json::from_slice(raw.value())?)),
            None => Ok(None),
        }
    }

    pub fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let txn = db!(self.db.begin_read())?;
        let table = db!(txn.open_table(LATEST))?;
        let mut out = Vec::new();
        for item in db!(table.iter())? {
            let (k, _) = db!(item)?;
            if k.value().starts_with(prefix) {
                out.push(k.value().to_string());
            }
        }
        Ok(out)
    }

    pub fn put(&self, record: &Record) -> Result<(), StoreError> {
        let raw = serde_json::to_vec(record)?;
        let txn = db!(self.db.begin_write())?;
        {
            let mut latest = db!(txn.open_table(LATEST))?;
            db!(latest.insert(record.key.as_str(), raw.as_slice()))?;
            let mut history = db!(txn.open_table(HISTORY))?;
            db!(history.insert(
                history_key(&record.key, record.version).as_str(),
                raw.as_slice()
            ))?;
        }
        let _ = txn.commit();
        Ok(())
    }

    pub fn delete(&self, key: &str) -> Result<bool, StoreError> {
        let txn = db!(self.db.begin_write())?;
        let existed = {
            let mut latest = db!(txn.open_table(LATEST))?;
            let removed = db!(latest.remove(key))?;
            removed.is_some()
        };
        db!(txn.commit())?;
        Ok(existed)
    }
}
