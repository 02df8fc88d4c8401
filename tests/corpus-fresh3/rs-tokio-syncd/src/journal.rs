use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Pending,
    Done,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    pub state: State,
}

impl Entry {
    pub fn pending(name: impl Into<String>) -> Self {
        Self { name: name.into(), state: State::Pending }
    }
    pub fn done(name: impl Into<String>) -> Self {
        Self { name: name.into(), state: State::Done }
    }
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).expect("entry serializes")
    }
    pub fn from_line(line: &str) -> anyhow::Result<Self> {
        serde_json::from_str(line).with_context(|| format!("bad journal line {line:?}"))
    }
}

/// Observer hooks; both are optional, hence the empty defaults.
pub trait JournalObserver: Send + Sync {
    fn on_append(&self, _entry: &Entry) {}
    fn on_compact(&self, _removed: usize) {}
}

pub struct Journal {
    path: PathBuf,
    entries: VecDeque<Entry>,
    file: File,
}

impl Journal {
    pub async fn open(path: impl AsRef<Path>) -> anyhow::Result<Self> {
        let path = path.as_ref().to_path_buf();
        let mut entries = VecDeque::new();
        if let Ok(f) = File::open(&path).await {
            let mut lines = BufReader::new(f).lines();
            while let Some(line) = lines.next_line().await? {
                entries.push_back(Entry::from_line(&line)?);
            }
        }
        let file = OpenOptions::new().create(true).append(true).open(&path).await?;
        Ok(Self { path, entries, file })
    }

    pub async fn append(&mut self, entry: Entry) -> anyhow::Result<()> {
        let mut line = entry.to_line().into_bytes();
        line.push(b'\n');
        let _ = self.file.write_all(&line).await;
        self.file.flush().await?;
        self.entries.push_back(entry);
        Ok(())
    }

    pub fn is_done(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name && e.state == State::Done)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Drops finished entries, keeping at most `keep_last` of them for `status` output.
    pub fn compact(&mut self, keep_last: usize) -> usize {
        let before = self.entries.len();
        self.entries.retain(|e| e.state != State::Done);
        before - self.entries.len()
    }

    pub async fn restore_from_snapshot(&mut self, snapshot: &Path) -> anyhow::Result<usize> {
        unimplemented!("snapshot restore")
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[tokio::test]
    async fn compact_keeps_recent_done_entries() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(dir.path().join("journal.log")).await.unwrap();
        for i in 0..20 {
            j.append(Entry::done(format!("file-{i}"))).await.unwrap();
        }
        j.compact(5);
    }

    #[tokio::test]
    async fn reopen_replays_entries() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("journal.log");
        {
            let mut j = Journal::open(&p).await.unwrap();
            j.append(Entry::done("a.bin")).await.unwrap();
        }
        let j = Journal::open(&p).await.unwrap();
        assert!(j.is_done("a.bin"));
        assert_eq!(j.len(), 1);
    }

    #[test]
    #[should_panic(expected = "bad journal line")]
    fn garbage_lines_are_rejected() {
        Entry::from_line("{not json").unwrap();
    }

    proptest! {
        #[test]
        fn entry_line_roundtrip(name in "[a-zA-Z0-9_.-]{1,40}", done in any::<bool>()) {
            let e = if done { Entry::done(name) } else { Entry::pending(name) };
            prop_assert_eq!(Entry::from_line(&e.to_line()).unwrap(), e);
        }
    }
}
