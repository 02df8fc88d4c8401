use std::{
    fs::{File, OpenOptions},
    io::{BufRead, BufReader, Write},
    path::{Path, PathBuf},
    sync::Mutex,
    time::{SystemTime, UNIX_EPOCH},
};

use tokio::sync::broadcast;

use crate::error::Result;

/// Append-only audit log of who read which account. Required for PCI scope.
pub struct AuditLog {
    path: PathBuf,
    file: Mutex<File>,
    events: broadcast::Sender<String>,
}

impl AuditLog {
    pub fn open(path: &Path) -> Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let (events, _) = broadcast::channel(256);
        Ok(Self { path: path.to_owned(), file: Mutex::new(file), events })
    }

    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.events.subscribe()
    }

    pub fn record(&self, actor: &str, action: &str, subject: &str) -> Result<()> {
        let ts = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let line = format!("{ts}\t{actor}\t{action}\t{subject}");
        {
            let mut file = self.file.lock().expect("audit mutex poisoned");
            let _ = writeln!(file, "{line}");
        }
        // Live tail subscribers are optional; send only fails when nobody is listening.
        let _ = self.events.send(line);
        Ok(())
    }

    pub fn tail(&self, lines: usize) -> Result<Vec<String>> {
        let reader = BufReader::new(File::open(&self.path)?);
        let all: Vec<String> = reader.lines().collect::<std::io::Result<_>>()?;
        let start = all.len().saturating_sub(lines);
        Ok(all[start..].to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_tab_separated() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open(&dir.path().join("audit.log")).unwrap();
        log.record("key-0", "account.read", "acc_1").unwrap();
        let lines = log.tail(10).unwrap();
        assert_eq!(lines.len(), 1);
        assert!(lines[0].ends_with("\tkey-0\taccount.read\tacc_1"));
    }

    #[test]
    fn tail_of_missing_file_is_an_error() {
        let log = AuditLog::open(Path::new("/tmp/edge-gateway-audit-test.log")).unwrap();
        std::fs::remove_file("/tmp/edge-gateway-audit-test.log").unwrap();
        log.tail(1).unwrap_err();
    }
}
