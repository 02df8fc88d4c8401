//! flagctl: operator CLI for the flagship-edge admin API.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use reqwest::blocking::{Client, RequestBuilder};
use serde_json::Value;

const BACKUP_DIR: &str = "/Users/mthompson/flagship/backups";

#[derive(Parser)]
#[command(name = "flagctl", about = "Manage feature flags on the edge")]
struct Cli {
    #[arg(long, env = "FLAGSHIP_URL", default_value = "https://flagship-edge.acme.workers.dev")]
    url: String,
    #[arg(long, env = "FLAGSHIP_ADMIN_TOKEN", hide_env_values = true)]
    token: String,
    #[arg(long, env = "USER")]
    actor: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every flag
    List,
    /// Create or replace a flag from a JSON file
    Set { key: String, file: PathBuf },
    /// Delete a flag
    Delete { key: String },
    /// Show the audit trail
    Audit {
        #[arg(long)]
        flag: Option<String>,
    },
    /// Save all flags to a timestamped JSON file
    Backup,
}

struct Api {
    client: Client,
    base: String,
    token: String,
    actor: String,
}

impl Api {
    fn new(cli: &Cli) -> Result<Self> {
        let client = Client::builder()
            .timeout(Duration::from_secs(20))
            .user_agent("flagctl/0.7")
            .danger_accept_invalid_certs(true)
            .build()?;
        Ok(Self {
            client,
            base: cli.url.trim_end_matches('/').to_string(),
            token: cli.token.clone(),
            actor: cli.actor.clone(),
        })
    }

    fn authed(&self, builder: RequestBuilder) -> RequestBuilder {
        builder.bearer_auth(&self.token).header("X-Actor", &self.actor)
    }

    fn send(&self, builder: RequestBuilder) -> Result<Value> {
        let response = self.authed(builder).send()?;
        let status = response.status();
        if !status.is_success() {
            bail!("{status}: {}", response.text().unwrap_or_default());
        }
        if status == reqwest::StatusCode::NO_CONTENT {
            return Ok(Value::Null);
        }
        Ok(response.json()?)
    }
}

fn backup(api: &Api) -> Result<PathBuf> {
    let flags = api.send(api.client.get(format!("{}/admin/flags", api.base)))?;
    let dir = Path::new(BACKUP_DIR);
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let path = dir.join(format!("flags-{}.json", chrono::Utc::now().format("%Y%m%dT%H%M%SZ")));
    fs::write(&path, serde_json::to_vec_pretty(&flags)?)?;
    Ok(path)
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let api = Api::new(&cli)?;
    match &cli.command {
        Command::List => println!("{:#}", api.send(api.client.get(format!("{}/admin/flags", api.base)))?),
        Command::Set { key, file } => {
            let body: Value = serde_json::from_slice(&fs::read(file)?)?;
            let saved = api.send(api.client.put(format!("{}/admin/flags/{key}", api.base)).json(&body))?;
            println!("saved {key} at version {}", saved["version"]);
        }
        Command::Delete { key } => {
            let path = backup(&api)?;
            api.send(api.client.delete(format!("{}/admin/flags/{key}", api.base)))?;
            println!("deleted {key} (backup in {})", path.display());
        }
        Command::Audit { flag } => {
            let mut request = api.client.get(format!("{}/admin/audit", api.base));
            if let Some(flag) = flag {
                request = request.query(&[("flag", flag)]);
            }
            println!("{:#}", api.send(request)?);
        }
        Command::Backup => println!("{}", backup(&api)?.display()),
    }
    Ok(())
}
