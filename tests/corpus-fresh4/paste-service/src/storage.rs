use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Paste {
    pub id: String,
    pub owner: String,
    pub body: String,
    pub delete_token: String,
    pub expires_at: Option<DateTime<Utc>>,
}

pub struct PasteStore {
    dir: PathBuf,
    index: Mutex<HashMap<String, Paste>>,
    audit: Mutex<File>,
}

impl PasteStore {
    pub fn open(dir: &Path) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        let audit = OpenOptions::new().create(true).append(true).open(dir.join("audit.log"))?;
        Ok(Self { dir: dir.to_path_buf(), index: Mutex::new(HashMap::new()), audit: Mutex::new(audit) })
    }

    pub fn insert(&self, paste: Paste) -> io::Result<()> {
        fs::write(self.dir.join(&paste.id), &paste.body)?;
        self.index.lock().unwrap().insert(paste.id.clone(), paste);
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<Paste> {
        self.index.lock().unwrap().get(id).cloned()
    }

    pub fn list_for(&self, owner: &str, include_expired: bool) -> Vec<Paste> {
        self.index
            .lock()
            .unwrap()
            .values()
            .filter(|p| p.owner == owner)
            .cloned()
            .collect()
    }

    pub fn remove(&self, id: &str, actor: &str) -> io::Result<bool> {
        let removed = self.index.lock().unwrap().remove(id).is_some();
        if removed {
            fs::remove_file(self.dir.join(id))?;
            let mut audit = self.audit.lock().unwrap();
            let _ = writeln!(audit, "{} delete {} by {}", Utc::now().to_rfc3339(), id, actor);
        }
        Ok(removed)
    }
}
