use std::path::PathBuf;

use anyhow::Context;
use bytes::Bytes;
use clap::{Parser, Subcommand};
use filesync::auth::Authenticator;
use filesync::client::Client;
use filesync::config::Config;
use filesync::server::Server;
use filesync::store::Store;
use filesync::tls;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(name = "filesync", version)]
struct Cli {
    #[arg(long, short)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the sync server.
    Serve,
    /// Upload a local file.
    Push {
        local: PathBuf,
        remote: String,
        #[arg(long)]
        overwrite: bool,
    },
    /// Download a remote object to stdout.
    Pull { remote: String },
    /// Show changes since a unix timestamp.
    Changes {
        prefix: String,
        #[arg(long, default_value_t = 0)]
        since: u64,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();
    let cli = Cli::parse();
    let cfg = Config::load(&cli.config.unwrap_or_else(Config::default_path))?;

    match cli.command {
        Command::Serve => {
            let server_cfg = cfg.server.context("[server] section missing")?;
            let quic = tls::server_config(
                tls::load_certs(&server_cfg.cert)?,
                tls::load_key(&server_cfg.key)?,
                tls::load_certs(&server_cfg.client_ca)?,
            )?;
            let endpoint = quinn::Endpoint::server(quic, server_cfg.listen)?;
            let store = Store::open(&server_cfg.data_dir)?;
            tracing::info!(listen = %server_cfg.listen, data = %server_cfg.data_dir.display(), "serving");
            Server::new(
                store,
                Authenticator::new(&cfg.auth),
                server_cfg.max_object_bytes,
            )
            .serve(endpoint)
            .await;
        }
        command => {
            let client_cfg = cfg.client.context("[client] section missing")?;
            let token = std::env::var("FILESYNC_TOKEN").context("FILESYNC_TOKEN is not set")?;
            let pin = (!client_cfg.pin.is_empty()).then_some(client_cfg.pin.as_str());
            let quic = tls::client_config(
                pin,
                tls::load_certs(&client_cfg.cert)?,
                tls::load_key(&client_cfg.key)?,
            )?;
            let addr = tokio::net::lookup_host(&client_cfg.server)
                .await?
                .next()
                .context("server address did not resolve")?;
            let client = Client::connect(quic, addr, &client_cfg.server_name).await?;
            client.auth(&token).await?;
            match command {
                Command::Push {
                    local,
                    remote,
                    overwrite,
                } => {
                    let data = tokio::fs::read(&local).await?;
                    client.put(&remote, Bytes::from(data), overwrite).await?;
                }
                Command::Pull { remote } => {
                    use tokio::io::AsyncWriteExt;
                    let data = client.get(&remote).await?;
                    tokio::io::stdout().write_all(&data).await?;
                }
                Command::Changes { prefix, since } => {
                    for e in client.list(&prefix, since).await? {
                        println!(
                            "{}\t{}\t{}\t{}",
                            e.modified,
                            if e.deleted { "D" } else { "M" },
                            e.size,
                            e.path
                        );
                    }
                }
                Command::Serve => unreachable!(),
            }
            client.close();
        }
    }
    Ok(())
}
