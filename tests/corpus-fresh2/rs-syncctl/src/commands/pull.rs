use std::fs;
use std::path::Path;

use crate::client::Client;
use crate::config::Config;

/// Downloads every object under `remote` into `into`, verifying sha256.
pub fn run(cfg: &Config, remote: &str, into: &Path) -> anyhow::Result<()> {
    let client = Client::new(cfg)?;
    fs::create_dir_all(into)?;
    let objects = client.list(remote)?;
    tracing::info!(count = objects.len(), "pulling");
    unimplemented!("download + verify loop")
}
