use std::fs::Permissions;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::watch;

use crate::auth::PeerInfo;
use crate::dispatch::Daemon;
use crate::protocol::{Request, Response, MAX_LINE};

pub fn bind(path: &Path) -> std::io::Result<UnixListener> {
    // A socket left behind by a crashed daemon makes bind fail; a missing file is the normal case.
    let _ = std::fs::remove_file(path);
    let listener = UnixListener::bind(path)?;
    std::fs::set_permissions(path, Permissions::from_mode(0o600))?;
    Ok(listener)
}

pub async fn serve(
    listener: UnixListener,
    daemon: Arc<Daemon>,
    mut shutdown: watch::Receiver<bool>,
) -> std::io::Result<()> {
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _addr) = accepted?;
                let cred = match stream.peer_cred() {
                    Ok(c) => c,
                    Err(err) => {
                        tracing::warn!(%err, "dropping connection without peer credentials");
                        continue;
                    }
                };
                let peer = PeerInfo { uid: cred.uid(), gid: cred.gid(), pid: cred.pid() };
                let daemon = daemon.clone();
                tokio::spawn(async move {
                    if let Err(err) = handle(stream, daemon, peer).await {
                        tracing::debug!(%err, uid = peer.uid, "control connection closed with error");
                    }
                });
            }
            _ = shutdown.changed() => {
                tracing::info!("control socket closing");
                return Ok(());
            }
        }
    }
}

async fn handle(stream: UnixStream, daemon: Arc<Daemon>, peer: PeerInfo) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    while let Some(line) = lines.next_line().await? {
        let response = if line.len() > MAX_LINE {
            Response::error("request too large")
        } else {
            match serde_json::from_str::<Request>(&line) {
                Ok(req) => daemon.dispatch(&peer, req).await,
                Err(err) => Response::error(format!("malformed request: {err}")),
            }
        };
        let mut out = serde_json::to_vec(&response)?;
        out.push(b'\n');
        write.write_all(&out).await?;
    }
    Ok(())
}
