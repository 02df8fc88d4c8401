use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Error;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct State {
    etags: BTreeMap<String, String>,
}

impl State {
    pub fn load(path: &Path) -> Result<Self, Error> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| Error::Config(format!("corrupt state file: {e}"))),
            // First run: no state file yet is the normal case.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(e.into()),
        }
    }

    pub fn record(&mut self, feed: &str, etag: Option<String>) {
        if let Some(tag) = etag {
            self.etags.insert(feed.to_owned(), tag);
        }
    }

    pub fn etag(&self, feed: &str) -> Option<&str> {
        self.etags.get(feed).map(String::as_str)
    }

    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(self).expect("state is serialisable"))?;
        std::fs::rename(tmp, path)?;
        Ok(())
    }
}
