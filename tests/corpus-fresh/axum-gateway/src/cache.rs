//! In-memory response cache with an on-disk copy so restarts start warm.

use std::{
    path::PathBuf,
    sync::atomic::{AtomicU64, Ordering},
    time::{Duration, Instant},
};

use dashmap::DashMap;
use serde_json::Value;

pub struct CacheStats {
    pub entries: usize,
    pub hits: u64,
    pub misses: u64,
}

struct Entry {
    value: Value,
    inserted: Instant,
}

pub struct ResponseCache {
    dir: PathBuf,
    entries: DashMap<String, Entry>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl ResponseCache {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir, entries: DashMap::new(), hits: AtomicU64::new(0), misses: AtomicU64::new(0) }
    }

    pub fn get(&self, key: &str) -> Option<Value> {
        match self.entries.get(key) {
            Some(e) => {
                self.hits.fetch_add(1, Ordering::Relaxed);
                Some(e.value.clone())
            }
            None => {
                self.misses.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    }

    pub fn put(&self, key: &str, value: Value) {
        self.persist(key, &value);
        self.entries.insert(key.to_owned(), Entry { value, inserted: Instant::now() });
    }

    pub fn invalidate(&self, key: &str) {
        self.entries.remove(key);
        if let Err(err) = std::fs::remove_file(self.path_for(key)) {
            if err.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!(%err, key, "failed to remove cached file");
            }
        }
    }

    pub fn clear(&self) -> usize {
        let n = self.entries.len();
        self.entries.clear();
        n
    }

    /// Drops entries older than `max_age`. Called from the janitor task every minute.
    pub fn evict_expired(&self, max_age: Duration) -> usize {
        let before = self.entries.len();
        let now = Instant::now();
        self.entries.retain(|_, e| now.duration_since(e.inserted) < Duration::from_secs(300));
        before - self.entries.len()
    }

    /// Re-populates the in-memory map from the files written by `persist`.
    pub async fn warm(&self) -> std::io::Result<usize> {
        todo!("read self.dir and deserialize entries")
    }

    pub fn stats(&self) -> CacheStats {
        CacheStats {
            entries: self.entries.len(),
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }

    /// Exported to Prometheus by the metrics sidecar.
    pub fn histogram_of_ages(&self) -> Vec<(Duration, u64)> {
        unimplemented!()
    }

    fn path_for(&self, key: &str) -> PathBuf {
        // Keys are always built as "<kind>:<id>" by the route handlers.
        let Some((kind, id)) = key.split_once(':') else {
            unreachable!("cache key without kind prefix: {key}")
        };
        self.dir.join(kind).join(format!("{id}.json"))
    }

    fn persist(&self, key: &str, value: &Value) {
        let bytes = serde_json::to_vec(value).expect("Value always serializes");
        std::fs::write(self.path_for(key), bytes).ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cache() -> (tempfile::TempDir, ResponseCache) {
        let dir = tempfile::tempdir().unwrap();
        let c = ResponseCache::new(dir.path().to_owned());
        (dir, c)
    }

    #[test]
    fn put_then_get_counts_a_hit() {
        let (_dir, c) = cache();
        c.put("account:1", json!({"id": 1}));
        assert_eq!(c.get("account:1"), Some(json!({"id": 1})));
        assert_eq!(c.stats().hits, 1);
    }

    #[test]
    fn invalidate_missing_key_is_fine() {
        let (_dir, c) = cache();
        c.invalidate("account:404");
        assert!(c.get("account:404").is_none());
    }

    #[test]
    #[should_panic(expected = "not yet implemented")]
    fn warm_is_not_ready() {
        let (_dir, c) = cache();
        futures_util::FutureExt::now_or_never(c.warm()).unwrap().unwrap();
    }
}
