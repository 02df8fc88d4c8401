use std::{path::Path, time::Duration};

use chrono::Utc;
use sqlx::SqlitePool;
use tokio::time::interval;

const BACKUP_ROOT: &str = "/home/oskar/guildbot/backups";
const KEEP: usize = 14;

pub async fn snapshot(pool: &SqlitePool, dir: &Path) -> anyhow::Result<std::path::PathBuf> {
    tokio::fs::create_dir_all(dir).await?;
    let target = dir.join(format!("guildbot-{}.db", Utc::now().format("%Y%m%dT%H%M%SZ")));
    sqlx::query("VACUUM INTO ?")
        .bind(target.to_string_lossy().as_ref())
        .execute(pool)
        .await?;
    prune(dir).await?;
    Ok(target)
}

async fn prune(dir: &Path) -> anyhow::Result<()> {
    let mut entries = tokio::fs::read_dir(dir).await?;
    let mut files = Vec::new();
    while let Some(entry) = entries.next_entry().await? {
        if entry.file_name().to_string_lossy().starts_with("guildbot-") {
            files.push(entry.path());
        }
    }
    files.sort();
    for old in files.iter().rev().skip(KEEP) {
        tokio::fs::remove_file(old).await?;
    }
    Ok(())
}

pub async fn run_daily(pool: SqlitePool) {
    let mut tick = interval(Duration::from_secs(24 * 60 * 60));
    loop {
        tick.tick().await;
        match snapshot(&pool, Path::new(BACKUP_ROOT)).await {
            Ok(path) => tracing::info!(path = %path.display(), "database snapshot written"),
            Err(error) => tracing::error!(?error, "database snapshot failed"),
        }
    }
}
