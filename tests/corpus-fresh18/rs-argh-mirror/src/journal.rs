//! Local record of what has been pushed, so `status` can work offline and
//! listings do not need to hash remote files.

use std::{
    collections::BTreeMap,
    fs,
    path::Path,
};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::sync::Entry;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Journal {
    #[serde(default)]
    files: BTreeMap<String, String>,
}

impl Journal {
    pub fn load(path: &Path) -> Result<Self> {
        match fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| format!("parsing {}", path.display())),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(err) => Err(err).with_context(|| format!("reading {}", path.display())),
        }
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        let tmp = path.with_extension("tmp");
        let data = serde_json::to_vec_pretty(self)?;
        fs::write(&tmp, data).with_context(|| format!("writing {}", tmp.display()))?;
        if let Err(err) = fs::rename(&tmp, path) {
            let _ = fs::remove_file(&tmp);
            return Err(err).with_context(|| format!("replacing {}", path.display()));
        }
        Ok(())
    }

    pub fn record_upload(&mut self, path: &str, sha256: &str) {
        self.files.insert(path.to_string(), sha256.to_string());
    }

    pub fn record_delete(&mut self, path: &str) {
        self.files.remove(path);
    }

    /// The remote side as last pushed by this machine.
    pub fn entries(&self) -> Vec<Entry> {
        self.files
            .iter()
            .map(|(path, sha256)| Entry {
                path: path.clone(),
                size: 0,
                sha256: sha256.clone(),
            })
            .collect()
    }
}
