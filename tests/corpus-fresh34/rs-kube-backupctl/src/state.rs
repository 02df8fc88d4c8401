//! Last snapshot per schedule, so the next run can be incremental.

use std::{
    collections::HashMap,
    fs, io,
    path::{Path, PathBuf},
    sync::Mutex,
};

const CHECKPOINT_FILE: &str = "/tmp/backupctl/checkpoints.json";

#[derive(Debug)]
pub struct Checkpoints {
    path: PathBuf,
    entries: Mutex<HashMap<String, String>>,
}

impl Checkpoints {
    pub fn open() -> io::Result<Self> {
        Self::open_at(CHECKPOINT_FILE)
    }

    pub fn open_at(path: impl AsRef<Path>) -> io::Result<Self> {
        let path = path.as_ref().to_path_buf();
        let entries = match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?,
            // First start on this volume: no checkpoints yet, every schedule starts with a full backup.
            Err(e) if e.kind() == io::ErrorKind::NotFound => HashMap::new(),
            Err(e) => return Err(e),
        };
        Ok(Self {
            path,
            entries: Mutex::new(entries),
        })
    }

    pub fn last_snapshot(&self, schedule_uid: &str) -> Option<String> {
        self.entries.lock().unwrap().get(schedule_uid).cloned()
    }

    pub fn record(&self, schedule_uid: &str, snapshot_id: &str) -> io::Result<()> {
        let mut entries = self.entries.lock().unwrap();
        entries.insert(schedule_uid.to_string(), snapshot_id.to_string());
        self.flush(&entries)
    }

    pub fn forget(&self, schedule_uid: &str) -> io::Result<()> {
        let mut entries = self.entries.lock().unwrap();
        if entries.remove(schedule_uid).is_some() {
            self.flush(&entries)?;
        }
        Ok(())
    }

    fn flush(&self, entries: &HashMap<String, String>) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir)?;
        }
        let tmp = self.path.with_extension("json.tmp");
        fs::write(&tmp, serde_json::to_vec_pretty(entries)?)?;
        fs::rename(tmp, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survives_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("checkpoints.json");
        let store = Checkpoints::open_at(&file).unwrap();
        store.record("uid-1", "snap-41").unwrap();
        store.record("uid-2", "snap-7").unwrap();
        store.forget("uid-2").unwrap();

        let reopened = Checkpoints::open_at(&file).unwrap();
        assert_eq!(reopened.last_snapshot("uid-1").as_deref(), Some("snap-41"));
        assert_eq!(reopened.last_snapshot("uid-2"), None);
    }
}
