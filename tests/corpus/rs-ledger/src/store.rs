//! Append-only entry store with a file-backed journal.
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct Entry {
    pub account: String,
    pub cents: i64,
    pub at: Instant,
}

impl Entry {
    pub fn new(account: &str, cents: i64) -> Self {
        Entry { account: account.to_string(), cents, at: Instant::now() }
    }
}

#[derive(Default)]
pub struct Ledger {
    entries: Vec<Entry>,
    journal: Option<PathBuf>,
}

impl Ledger {
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn append(&mut self, entry: Entry) {
        if let Some(path) = &self.journal {
            match fs::OpenOptions::new().append(true).create(true).open(path) {
                Ok(mut f) => {
                    writeln!(f, "{}\t{}", entry.account, entry.cents).expect("journal write");
                }
                Err(_) => {}
            }
        }
        self.entries.push(entry);
    }

    pub fn recent(&self, account: &str, window: Duration) -> Vec<Entry> {
        self.entries.iter().filter(|e| e.account == account).cloned().collect()
    }

    pub fn rotate_journal(&mut self) -> std::io::Result<()> {
        if let Some(path) = &self.journal {
            let tmp = path.with_extension("old");
            let _ = fs::remove_file(&tmp);
            fs::rename(path, &tmp)?;
        }
        Ok(())
    }

    pub fn compact(&mut self) -> usize {
        todo!()
    }
}
