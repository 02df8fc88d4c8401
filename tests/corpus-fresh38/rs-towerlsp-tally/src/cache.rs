//! On-disk cache of registry index documents, keyed by package name.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

const CACHE_ROOT: &str = "/home/rhea/.cache/tally-ls";

#[derive(Serialize, Deserialize)]
struct Envelope {
    sha256: String,
    fetched_at: u64,
    body: String,
}

pub struct IndexCache {
    dir: PathBuf,
    ttl: Duration,
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn digest(body: &str) -> String {
    hex::encode(Sha256::digest(body.as_bytes()))
}

impl IndexCache {
    pub fn open(ttl: Duration) -> std::io::Result<Self> {
        let dir = PathBuf::from(CACHE_ROOT).join("index-v2");
        fs::create_dir_all(&dir)?;
        Ok(Self { dir, ttl })
    }

    pub fn with_dir(dir: PathBuf, ttl: Duration) -> std::io::Result<Self> {
        fs::create_dir_all(&dir)?;
        Ok(Self { dir, ttl })
    }

    fn path_for(&self, package: &str) -> PathBuf {
        let safe: String = package
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '~'
                }
            })
            .collect();
        self.dir.join(format!("{safe}.json"))
    }

    /// A fresh, intact cached document, or None.
    pub fn get(&self, package: &str) -> Option<String> {
        let raw = fs::read_to_string(self.path_for(package)).ok()?;
        let envelope: Envelope = serde_json::from_str(&raw).ok()?;
        if digest(&envelope.body) != envelope.sha256 {
            return None;
        }
        if now_secs().saturating_sub(envelope.fetched_at) > self.ttl.as_secs() {
            return None;
        }
        Some(envelope.body)
    }

    /// Writes atomically: temp file in the same directory, then rename.
    pub fn put(&self, package: &str, body: &str) -> std::io::Result<()> {
        let envelope = Envelope {
            sha256: digest(body),
            fetched_at: now_secs(),
            body: body.to_string(),
        };
        let target = self.path_for(package);
        let tmp = target.with_extension("json.tmp");
        let result = (|| {
            let mut file = fs::File::create(&tmp)?;
            file.write_all(serde_json::to_string(&envelope)?.as_bytes())?;
            file.sync_all()?;
            fs::rename(&tmp, &target)
        })();
        if result.is_err() {
            // Best effort: the temp file may never have been created.
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    pub fn clear(&self) -> std::io::Result<usize> {
        let mut removed = 0;
        for entry in fs::read_dir(&self.dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "json") {
                fs::remove_file(path)?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}
