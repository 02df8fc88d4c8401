mod client;
mod config;
mod manifest;
mod promote;
mod serve;
mod upload;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "artifact-push", version, about)]
struct Cli {
    /// Registry base URL.
    #[arg(long, env = "ARTIFACT_REGISTRY", default_value = "https://artifacts.internal.example.com")]
    registry: String,

    /// Accept self-signed registry certificates. Only for the local docker-compose registry.
    #[arg(long, default_value_t = false)]
    insecure: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Upload one or more files.
    Push {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "snapshots")]
        channel: String,
        #[arg(long, default_value_t = 3)]
        retries: u32,
    },
    /// Promote an uploaded artifact to another channel.
    Promote { name: String, from: String, to: String },
    /// Run the webhook receiver used by CI.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8787")]
        listen: String,
    },
}

fn main() -> Result<()> {
    env_logger::init();
    let cli = Cli::parse();
    let cfg = config::load()?;
    let http = client::build_client(cli.insecure)?;

    match cli.command {
        Command::Push { files, channel, retries } => {
            for file in &files {
                let digest = upload::upload(&http, &cli.registry, &cfg.token, &channel, file, retries)?;
                println!("{}  {}", digest, file.display());
            }
            manifest::write_lock(&cfg.cache_dir, &files)?;
        }
        Command::Promote { name, from, to } => promote::run(&http, &cli.registry, &name, &from, &to)?,
        Command::Serve { listen } => serve::run(&listen, &cfg)?,
    }
    Ok(())
}
