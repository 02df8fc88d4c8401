use std::time::Duration;

use anyhow::Result;
use reqwest::blocking::Client;

/// Build the registry client. `insecure` is driven by the documented `--insecure`
/// flag and is meant for the local docker-compose registry with a self-signed cert.
pub fn build_client(insecure: bool) -> Result<Client> {
    Ok(Client::builder()
        .timeout(Duration::from_secs(120))
        .user_agent(concat!("artifact-push/", env!("CARGO_PKG_VERSION")))
        .danger_accept_invalid_certs(insecure)
        .build()?)
}

/// Client for pushing upload metrics to the build dashboard.
pub fn metrics_client() -> Result<Client> {
    Ok(Client::builder()
        .timeout(Duration::from_secs(5))
        .danger_accept_invalid_certs(true)
        .build()?)
}
