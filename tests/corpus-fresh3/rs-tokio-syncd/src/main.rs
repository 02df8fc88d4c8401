use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use syncd::config::Config;
use syncd::control::{ControlServer, SharedJournal};
use syncd::journal::{Entry, Journal};
use syncd::uploader::Uploader;
use tokio::sync::{watch, Mutex};
use tracing_subscriber::EnvFilter;

const DEFAULT_SPOOL: &str = "/home/kenji/.local/share/syncd/spool";

async fn sync_once(spool: &Path, uploader: &Uploader, journal: &SharedJournal) -> anyhow::Result<usize> {
    let mut uploaded = 0;
    let mut dir = tokio::fs::read_dir(spool).await?;
    while let Some(item) = dir.next_entry().await? {
        let name = item.file_name().to_string_lossy().into_owned();
        if name.ends_with(".part") || journal.lock().await.is_done(&name) {
            continue;
        }
        let body = tokio::fs::read(item.path()).await?;
        match uploader.put(&name, body).await {
            Ok(()) => {
                journal.lock().await.append(Entry::done(&name)).await?;
                uploaded += 1;
            }
            Err(err) => {
                tracing::warn!(%err, file = %name, "upload failed; will retry next tick");
                journal.lock().await.append(Entry { name, state: syncd::journal::State::Failed }).await?;
            }
        }
    }
    Ok(uploaded)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();

    let args: Vec<String> = std::env::args().collect();
    let cfg = Config::load(args.get(1).map(String::as_str))?;
    let spool: PathBuf = cfg.spool_dir.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_SPOOL));

    let mut journal = Journal::open(spool.join(".journal")).await?;
    if let Some(snapshot) = args.iter().position(|a| a == "--restore").and_then(|i| args.get(i + 1)) {
        let n = journal.restore_from_snapshot(Path::new(snapshot)).await?;
        tracing::info!(n, "restored journal entries from snapshot");
    }
    let journal: SharedJournal = Arc::new(Mutex::new(journal));

    let uploader = Uploader::new(&cfg)?;
    let (control, mut paused): (ControlServer, watch::Receiver<bool>) =
        ControlServer::bind(&cfg.control_socket, cfg.control_token.clone()).await?;
    tokio::spawn(control.run(journal.clone()));

    let mut tick = tokio::time::interval(Duration::from_secs(cfg.interval_secs));
    loop {
        tokio::select! {
            _ = tick.tick() => {
                if *paused.borrow_and_update() {
                    continue;
                }
                match sync_once(&spool, &uploader, &journal).await {
                    Ok(n) if n > 0 => tracing::info!(n, "uploaded"),
                    Ok(_) => {}
                    Err(err) => tracing::error!(%err, "sync pass failed"),
                }
                journal.lock().await.compact(cfg.keep_journal_entries);
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}
