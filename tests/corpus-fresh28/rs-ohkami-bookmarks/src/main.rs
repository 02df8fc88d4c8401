use bookmarks::archive::{KeepSnap, NoArchive};
use bookmarks::config::Config;
use sqlx::sqlite::SqlitePoolOptions;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();

    let cfg = Config::from_env();
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect(&cfg.database_url)
        .await
        .expect("failed to open the bookmarks database");
    sqlx::migrate!("./migrations").run(&pool).await.expect("failed to run migrations");

    tracing::info!(listen = %cfg.listen, archive = cfg.archive_enabled, "starting bookmarks");
    if cfg.archive_enabled {
        let archiver = KeepSnap::new(&cfg);
        bookmarks::app(pool, &cfg, archiver).howl(cfg.listen.clone()).await
    } else {
        bookmarks::app(pool, &cfg, NoArchive).howl(cfg.listen.clone()).await
    }
}
