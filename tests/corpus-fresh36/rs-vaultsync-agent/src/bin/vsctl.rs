use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use vaultsync::config::{Config, TOKEN_ENV};
use vaultsync::protocol::{Command, Request, Response, PROTOCOL_VERSION};

#[derive(Parser)]
#[command(name = "vsctl", version, about = "Control a running vaultsync daemon")]
struct Cli {
    /// Control socket (default: from the daemon config, then $XDG_RUNTIME_DIR/vaultsync.sock)
    #[arg(long, env = "VAULTSYNC_SOCKET")]
    socket: Option<PathBuf>,
    /// Daemon config, used only to find the socket
    #[arg(long, env = "VAULTSYNC_CONFIG")]
    config: Option<PathBuf>,
    /// Give up if the daemon does not answer in time
    #[arg(long, default_value = "5s", value_parser = humantime::parse_duration)]
    timeout: Duration,
    /// Control token for privileged commands
    #[arg(long, env = TOKEN_ENV, hide_env_values = true)]
    token: Option<String>,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Check that the daemon answers
    Ping,
    /// Show item count, active key and sync state
    Status,
    /// Re-read the daemon configuration
    Reload,
    /// Re-encrypt everything under a new data key
    RotateKey {
        #[arg(long)]
        reason: Option<String>,
    },
    /// Write the cached items to a new file (mode 0600)
    Export {
        path: PathBuf,
        /// Include secret values, not only names and metadata
        #[arg(long)]
        include_secrets: bool,
    },
    /// Sync with the backend now
    SyncNow,
    /// Stop the daemon
    Shutdown,
}

impl From<Cmd> for Command {
    fn from(cmd: Cmd) -> Self {
        match cmd {
            Cmd::Ping => Command::Ping,
            Cmd::Status => Command::Status,
            Cmd::Reload => Command::Reload,
            Cmd::RotateKey { reason } => Command::RotateKey { reason },
            Cmd::Export {
                path,
                include_secrets,
            } => Command::Export {
                path: std::path::absolute(&path).unwrap_or(path),
                include_secrets,
            },
            Cmd::SyncNow => Command::SyncNow,
            Cmd::Shutdown => Command::Shutdown,
        }
    }
}

fn resolve_socket(cli: &Cli) -> anyhow::Result<PathBuf> {
    if let Some(s) = &cli.socket {
        return Ok(s.clone());
    }
    if let Some(c) = &cli.config {
        return Ok(Config::load(c)?.socket_path());
    }
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .ok_or_else(|| anyhow::anyhow!("XDG_RUNTIME_DIR is not set; pass --socket"))?;
    Ok(PathBuf::from(runtime).join("vaultsync.sock"))
}

fn send_request(socket: &Path, req: &Request, timeout: Duration) -> anyhow::Result<Response> {
    let mut stream = UnixStream::connect(socket)
        .map_err(|e| anyhow::anyhow!("cannot reach the daemon at {}: {e}", socket.display()))?;
    let mut line = serde_json::to_vec(req)?;
    line.push(b'\n');
    stream.write_all(&line)?;

    let mut reader = BufReader::new(stream);
    let mut answer = String::new();
    reader.read_line(&mut answer)?;
    if answer.is_empty() {
        anyhow::bail!("daemon closed the connection without answering");
    }
    Ok(serde_json::from_str(&answer)?)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let socket = match resolve_socket(&cli) {
        Ok(s) => s,
        Err(err) => {
            eprintln!("vsctl: {err}");
            return ExitCode::from(2);
        }
    };
    let request = Request {
        v: PROTOCOL_VERSION,
        token: cli.token.clone(),
        command: cli.command.into(),
    };
    match send_request(&socket, &request, cli.timeout) {
        Ok(Response { ok: true, data, .. }) => {
            if let Some(data) = data {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&data).unwrap_or_default()
                );
            }
            ExitCode::SUCCESS
        }
        Ok(Response { error, .. }) => {
            eprintln!(
                "vsctl: {}",
                error.unwrap_or_else(|| "request failed".into())
            );
            ExitCode::from(1)
        }
        Err(err) => {
            eprintln!("vsctl: {err}");
            ExitCode::from(3)
        }
    }
}
