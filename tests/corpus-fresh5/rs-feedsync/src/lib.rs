//! feedsync: fetch a set of feeds and keep an on-disk archive in sync.
//!
//! ```no_run
//! # async fn demo() -> Result<(), feedsync::Error> {
//! let cfg = feedsync::Config::load(None)?;
//! let client = feedsync::client::FeedClient::new(&cfg.client)?;
//! feedsync::sync_all(&client, &cfg).await?;
//! # Ok(()) }
//! ```

pub mod client;
pub mod config;
pub mod state;

pub use config::Config;

use futures::stream::{self, StreamExt};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("http: {0}")]
    Http(#[from] reqwest::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("config: {0}")]
    Config(String),
}

pub async fn sync_all(client: &client::FeedClient, cfg: &Config) -> Result<usize, Error> {
    let mut state = state::State::load(&cfg.state_path())?;
    let known = &state;
    let results: Vec<_> = stream::iter(cfg.feeds.iter())
        .map(|feed| async move { (feed, client.fetch(feed, known.etag(feed.as_str()).map(str::to_owned)).await) })
        .buffer_unordered(cfg.concurrency.max(1))
        .collect()
        .await;

    let mut updated = 0;
    for (feed, res) in results {
        match res {
            Ok(Some(body)) => {
                state.record(feed.as_str(), body.etag.clone());
                std::fs::write(cfg.archive_dir.join(file_name(feed)), &body.bytes)?;
                updated += 1;
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(%feed, error = %e, "fetch failed, will retry next run"),
        }
    }
    state.save(&cfg.state_path()).ok();
    Ok(updated)
}

fn file_name(feed: &url::Url) -> String {
    let host = feed.host_str().unwrap_or("unknown");
    let path = feed.path().trim_matches('/').replace('/', "_");
    format!("{host}_{path}.xml")
}

#[cfg(test)]
mod tests {
    use super::file_name;

    fn check(url: &str, expected: &str) {
        let u = url::Url::parse(url).unwrap();
        assert_eq!(file_name(&u), expected, "file name for {url}");
    }

    #[test]
    fn file_names_are_flat_and_stable() {
        check("https://blog.example.org/feed/atom/", "blog.example.org_feed_atom.xml");
        check("https://example.com/rss.xml", "example.com_rss.xml.xml");
    }
}
