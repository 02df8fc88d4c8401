use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{ArgAction, Parser, Subcommand};

mod client;
mod commands;
mod config;
mod journal;

use crate::config::Config;

#[derive(Parser, Debug)]
#[command(name = "syncctl", version, about = "Sync local folders with a syncd bucket")]
struct Cli {
    /// Path to config.toml (defaults to the platform config dir)
    #[arg(long, global = true, env = "SYNCCTL_CONFIG")]
    config: Option<PathBuf>,

    /// -v for debug, -vv for trace
    #[arg(short, long, global = true, action = ArgAction::Count)]
    verbose: u8,

    #[command(subcommand)]
    command: Commands,
}

#[derive(Subcommand, Debug)]
enum Commands {
    /// Upload new and changed files
    Push {
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Glob patterns to skip (repeatable)
        #[arg(long)]
        exclude: Vec<String>,
    },
    /// Download a remote prefix
    Pull {
        remote: String,
        #[arg(long, default_value = ".")]
        into: PathBuf,
    },
    /// Delete remote objects not modified recently
    Prune {
        #[arg(long, value_parser = humantime::parse_duration, default_value = "30days")]
        older_than: Duration,
        /// Only print what would be deleted
        #[arg(long)]
        dry_run: bool,
    },
    /// Store an API token in the OS keyring
    Login {
        #[arg(long)]
        token: Option<String>,
    },
}

fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => tracing::Level::WARN,
        1 => tracing::Level::DEBUG,
        _ => tracing::Level::TRACE,
    };
    tracing_subscriber::fmt().with_max_level(level).with_writer(std::io::stderr).init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);

    let cfg = match Config::load(cli.config.as_deref()) {
        Ok(cfg) => cfg,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::from(2);
        }
    };

    let result = match cli.command {
        Commands::Push { dir, exclude } => commands::push::run(&cfg, &dir, &exclude),
        Commands::Pull { remote, into } => commands::pull::run(&cfg, &remote, &into),
        Commands::Prune { older_than, dry_run } => commands::prune::run(&cfg, older_than, dry_run),
        Commands::Login { token } => commands::login(&cfg, token),
    };

    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn prune_defaults_to_thirty_days() {
        let cli = Cli::try_parse_from(["syncctl", "prune"]).unwrap();
        match cli.command {
            Commands::Prune { older_than, dry_run } => {
                assert_eq!(older_than, Duration::from_secs(30 * 86_400));
                assert!(!dry_run);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
