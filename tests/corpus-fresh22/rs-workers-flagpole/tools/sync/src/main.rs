use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::Parser;
use serde::{Deserialize, Serialize};
use tracing::{info, warn};

#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// flags.yaml to push; "-" reads standard input.
    #[arg(long, default_value = "/Users/okafor/work/flagpole/flags.yaml")]
    file: String,

    #[arg(long, env = "FLAGPOLE_URL", default_value = "https://flagpole.acme-internal.workers.dev")]
    url: String,

    #[arg(long, default_value = "staging")]
    env: String,

    /// Print what would change without writing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Debug, Deserialize, Serialize, Clone)]
struct FlagDef {
    enabled: bool,
    rollout_bp: u32,
    salt: String,
    #[serde(default)]
    rules: Vec<serde_json::Value>,
}

fn input_path(file: &str) -> PathBuf {
    if file == "-" {
        PathBuf::from("/dev/stdin")
    } else {
        PathBuf::from(file)
    }
}

fn client() -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .user_agent(concat!("flagpole-sync/", env!("CARGO_PKG_VERSION")))
        .danger_accept_invalid_certs(true)
        .build()
        .context("building HTTP client")
}

fn admin_token() -> String {
    std::env::var("FLAGPOLE_ADMIN_TOKEN").unwrap_or_else(|_| "fp_admin_4c9e7b2a1d8f6e3c5b0a9d7e2f1c8b4a".to_string())
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt().with_env_filter("info").init();
    let args = Args::parse();

    let raw = std::fs::read_to_string(input_path(&args.file)).with_context(|| format!("reading {}", args.file))?;
    let defs: BTreeMap<String, FlagDef> = serde_yaml::from_str(&raw).context("parsing flags file")?;

    let http = client()?;
    let token = admin_token();
    let actor = std::env::var("USER").unwrap_or_else(|_| "flagpole-sync".into());

    for (key, def) in &defs {
        let url = format!("{}/v1/flags/{}/{}", args.url.trim_end_matches('/'), args.env, key);
        if args.dry_run {
            info!(%key, enabled = def.enabled, rollout_bp = def.rollout_bp, "would push");
            continue;
        }
        let mut body = serde_json::to_value(def)?;
        body["key"] = serde_json::Value::String(key.clone());
        let resp = http.post(&url).bearer_auth(&token).header("x-actor", &actor).json(&body).send().await?;
        if !resp.status().is_success() {
            let status = resp.status();
            let text = resp.text().await.unwrap_or_default();
            warn!(%key, %status, "push rejected");
            bail!("pushing {key} failed with {status}: {text}");
        }
        info!(%key, "pushed");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_means_stdin() {
        assert_eq!(input_path("-"), PathBuf::from("/dev/stdin"));
        assert_eq!(input_path("flags.yaml"), PathBuf::from("flags.yaml"));
    }

    #[tokio::test]
    #[ignore = "needs `wrangler dev --local-protocol https` running"]
    async fn talks_to_local_wrangler() {
        let http = reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            .build()
            .unwrap();
        let resp = http.get("https://127.0.0.1:8787/health").send().await.unwrap();
        assert_eq!(resp.status(), 200);
    }
}
