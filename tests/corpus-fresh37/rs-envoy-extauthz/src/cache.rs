use std::collections::HashMap;
use std::time::{Duration, Instant};

use parking_lot::Mutex;
use sha2::{Digest, Sha256};

/// Caches successful authentications keyed by a hash of the presented
/// credential, so raw secrets never sit in memory longer than the request.
pub struct DecisionCache {
    ttl: Duration,
    max_entries: usize,
    entries: Mutex<HashMap<[u8; 32], (String, Instant)>>,
}

impl DecisionCache {
    pub fn new(ttl: Duration, max_entries: usize) -> Self {
        Self {
            ttl,
            max_entries,
            entries: Mutex::new(HashMap::new()),
        }
    }

    pub fn key(kind: &str, credential: &str) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(kind.as_bytes());
        hasher.update([0u8]);
        hasher.update(credential.as_bytes());
        hasher.finalize().into()
    }

    pub fn get(&self, key: &[u8; 32]) -> Option<String> {
        let mut entries = self.entries.lock();
        match entries.get(key) {
            Some((subject, at)) if at.elapsed() < self.ttl => Some(subject.clone()),
            Some(_) => {
                entries.remove(key);
                None
            }
            None => None,
        }
    }

    pub fn insert(&self, key: [u8; 32], subject: String) {
        let mut entries = self.entries.lock();
        if entries.len() >= self.max_entries {
            let ttl = self.ttl;
            entries.retain(|_, (_, at)| at.elapsed() < ttl);
            if entries.len() >= self.max_entries {
                entries.clear();
            }
        }
        entries.insert(key, (subject, Instant::now()));
    }

    pub fn flush(&self) -> usize {
        let mut entries = self.entries.lock();
        let count = entries.len();
        entries.clear();
        count
    }
}
