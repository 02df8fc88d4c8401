//! Line-based control protocol on a Unix socket: `<token> <command>`.

use std::sync::{
    atomic::{AtomicBool, Ordering},
    Arc,
};

use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{UnixListener, UnixStream},
};

use crate::queue::JobQueue;

pub struct Control<Q: JobQueue> {
    queue: Arc<Q>,
    paused: Arc<AtomicBool>,
    admin_token: String,
}

impl<Q: JobQueue + 'static> Control<Q> {
    pub fn new(queue: Arc<Q>, paused: Arc<AtomicBool>, admin_token: String) -> Self {
        Self { queue, paused, admin_token }
    }

    fn authorized(&self, presented: &str) -> bool {
        presented.eq(&self.admin_token)
    }

    pub async fn serve(self: Arc<Self>, listener: UnixListener) -> std::io::Result<()> {
        loop {
            let (stream, _addr) = listener.accept().await?;
            let this = self.clone();
            tokio::spawn(async move {
                if let Err(err) = this.session(stream).await {
                    tracing::warn!(%err, "control session ended with error");
                }
            });
        }
    }

    async fn session(&self, stream: UnixStream) -> std::io::Result<()> {
        let (rd, mut wr) = stream.into_split();
        let mut lines = BufReader::new(rd).lines();
        while let Some(line) = lines.next_line().await? {
            let (token, cmd) = line.split_once(' ').unwrap_or(("", line.as_str()));
            let reply = match cmd.trim() {
                "status" => format!("paused={}", self.paused.load(Ordering::Relaxed)),
                "pause" if self.authorized(token) => {
                    self.paused.store(true, Ordering::Relaxed);
                    "ok".to_string()
                }
                "resume" if self.authorized(token) => {
                    self.paused.store(false, Ordering::Relaxed);
                    "ok".to_string()
                }
                "purge" => match self.queue.purge().await {
                    Ok(n) => format!("purged {n}"),
                    Err(err) => format!("error {err}"),
                },
                "pause" | "resume" => "denied".to_string(),
                other => format!("unknown command {other:?}"),
            };
            wr.write_all(reply.as_bytes()).await?;
            wr.write_all(b"\n").await?;
        }
        Ok(())
    }
}
