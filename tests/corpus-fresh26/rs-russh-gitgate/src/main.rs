use std::{path::PathBuf, sync::Arc, time::Duration};

use anyhow::Context;
use clap::Parser;
use gitgate::{
    access::AccessList,
    audit::AuditLog,
    config::ServerConfig,
    handler::GitServer,
    hooks::{NoopNotifier, Notifier, SlackNotifier},
};
use russh::{server::Server as _, MethodSet};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(version, about = "SSH front door for bare git repositories")]
struct Args {
    /// Path to gitgate.toml
    #[arg(short, long, env = "GITGATE_CONFIG", default_value = "/etc/gitgate/gitgate.toml")]
    config: PathBuf,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,russh=warn".into()))
        .init();

    let args = Args::parse();
    let config = ServerConfig::load(&args.config)?;

    let host_key = russh_keys::load_secret_key(&config.host_key_path, None)
        .with_context(|| format!("loading host key {}", config.host_key_path.display()))?;
    let access = AccessList::load(&config.users_file)?;
    let audit = AuditLog::open(&config.audit_log, config.audit_max_bytes)
        .with_context(|| format!("opening audit log {}", config.audit_log.display()))?;
    let notifier: Arc<dyn Notifier> = match &config.webhook {
        Some(webhook) => Arc::new(SlackNotifier::new(webhook)?),
        None => Arc::new(NoopNotifier),
    };

    let ssh_config = russh::server::Config {
        inactivity_timeout: Some(Duration::from_secs(600)),
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::from_secs(0)),
        methods: MethodSet::PUBLICKEY | MethodSet::PASSWORD,
        keys: vec![host_key],
        ..Default::default()
    };

    let listen = config.listen;
    let mut server = GitServer {
        access: Arc::new(access),
        config: Arc::new(config),
        audit: Arc::new(audit),
        notifier,
    };

    tracing::info!(%listen, "gitgate listening");
    server.run_on_address(Arc::new(ssh_config), listen).await?;
    Ok(())
}
