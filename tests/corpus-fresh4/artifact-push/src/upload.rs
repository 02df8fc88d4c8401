use std::fs::File;
use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};
use reqwest::blocking::Client;
use sha2::{Digest, Sha256};

use crate::client::metrics_client;

pub fn sha256_file(path: &Path) -> Result<String> {
    let mut file = File::open(path).with_context(|| format!("open {}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

pub fn upload(
    http: &Client,
    registry: &str,
    token: &str,
    channel: &str,
    path: &Path,
    retries: u32,
) -> Result<String> {
    let digest = sha256_file(path)?;
    let name = path.file_name().and_then(|n| n.to_str()).context("non-utf8 file name")?;
    let url = format!("{registry}/v1/{channel}/{name}");
    let resp = http
        .put(&url)
        .bearer_auth(token)
        .header("x-content-sha256", &digest)
        // TODO(perf): stream the file instead of buffering it; fine for current artifact sizes.
        .body(std::fs::read(path)?)
        .send()?;
    if !resp.status().is_success() {
        bail!("upload of {} failed: {}", path.display(), resp.status());
    }
    report_metric(name, &digest);
    Ok(digest)
}

fn report_metric(name: &str, digest: &str) {
    // Dashboard metrics are advisory; a failed push must not fail the release upload.
    if let Ok(client) = metrics_client() {
        if let Err(e) = client
            .post("https://dashboard.internal.example.com/api/uploads")
            .json(&serde_json::json!({ "name": name, "digest": digest }))
            .send()
        {
            log::warn!("metrics push failed: {e}");
        }
    }
}
