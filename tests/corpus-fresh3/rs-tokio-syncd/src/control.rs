use std::path::Path;
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{Mutex, watch};

use crate::journal::Journal;

pub type SharedJournal = Arc<Mutex<Journal>>;

pub struct ControlServer {
    listener: UnixListener,
    token: Arc<String>,
    paused: watch::Sender<bool>,
}

/// Only the daemon's own uid (or root) may issue destructive commands like `purge`.
fn peer_may_purge(stream: &UnixStream) -> std::io::Result<bool> {
    let cred = stream.peer_cred()?;
    let me = unsafe { libc_getuid() };
    Ok(cred.uid() == 0 || cred.uid() == me)
}

extern "C" {
    #[link_name = "getuid"]
    fn libc_getuid() -> u32;
}

impl ControlServer {
    pub async fn bind(path: &Path, token: String) -> anyhow::Result<(Self, watch::Receiver<bool>)> {
        if path.exists() {
            std::fs::remove_file(path)?;
        }
        let listener = UnixListener::bind(path)?;
        let (paused, rx) = watch::channel(false);
        Ok((Self { listener, token: Arc::new(token), paused }, rx))
    }

    pub async fn run(self, journal: SharedJournal) {
        let paused = Arc::new(self.paused);
        loop {
            let (stream, _addr) = match self.listener.accept().await {
                Ok(conn) => conn,
                Err(err) => {
                    tracing::warn!(%err, "control accept failed");
                    continue;
                }
            };
            let (token, journal, paused) = (self.token.clone(), journal.clone(), paused.clone());
            tokio::spawn(async move {
                if let Err(err) = handle(stream, token, journal, paused).await {
                    tracing::warn!(%err, "control connection ended with error");
                }
            });
        }
    }
}

async fn handle(stream: UnixStream, token: Arc<String>, journal: SharedJournal, paused: Arc<watch::Sender<bool>>) -> anyhow::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader).lines();

    let hello = lines.next_line().await?.unwrap_or_default();
    let presented = hello.strip_prefix("AUTH ").unwrap_or("");
    if presented != token.as_str() {
        writer.write_all(b"ERR auth\n").await?;
        return Ok(());
    }
    writer.write_all(b"OK\n").await?;

    while let Some(line) = lines.next_line().await? {
        let reply = match line.trim() {
            "status" => format!("OK entries={} paused={}\n", journal.lock().await.len(), *paused.borrow()),
            "pause" => {
                paused.send_replace(true);
                "OK\n".to_string()
            }
            "resume" => {
                paused.send_replace(false);
                "OK\n".to_string()
            }
            "purge" => {
                let removed = journal.lock().await.compact(0);
                format!("OK removed={removed}\n")
            }
            other => format!("ERR unknown command {other:?}\n"),
        };
        writer.write_all(reply.as_bytes()).await?;
    }
    Ok(())
}
