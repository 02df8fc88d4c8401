use std::{
    fs::{self, File, OpenOptions},
    io::{self, Write},
    net::SocketAddr,
    path::{Path, PathBuf},
    sync::Mutex,
};

use serde_json::json;

/// Append-only JSON-lines audit trail of every command run over SSH.
pub struct AuditLog {
    file: Mutex<File>,
    path: PathBuf,
}

impl AuditLog {
    /// Opens (creating if needed) the audit file; `max_bytes` bounds its size before rotation.
    pub fn open(path: &Path, max_bytes: u64) -> io::Result<Self> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Self { file: Mutex::new(file), path: path.to_owned() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn record(&self, user: &str, action: &str, repo: &str, peer: Option<SocketAddr>) -> io::Result<()> {
        let entry = json!({
            "ts": chrono::Utc::now().to_rfc3339(),
            "user": user,
            "action": action,
            "repo": repo,
            "peer": peer.map(|p| p.to_string()),
        });
        let mut file = self.file.lock().expect("audit log mutex poisoned");
        writeln!(file, "{entry}")?;
        file.flush()
    }
}
