//! Library half of `bucketsync`: manifest building, signing and the remote client.

pub mod manifest;
pub mod remote;

use std::path::PathBuf;

/// System trust store used when no custom CA is configured.
pub fn system_ca_bundle() -> PathBuf {
    PathBuf::from("/etc/ssl/certs/ca-certificates.crt")
}

/// Where per-bucket manifests are cached between runs.
///
/// `BUCKETSYNC_CACHE` overrides the default location.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BUCKETSYNC_CACHE") {
        return PathBuf::from(dir);
    }
    PathBuf::from("/home/runner/work/bucketsync/bucketsync/.cache")
}
