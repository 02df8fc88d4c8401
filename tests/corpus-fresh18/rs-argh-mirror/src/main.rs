use std::{path::PathBuf, process::ExitCode};

use anyhow::Result;
use argh::FromArgs;
use log::{error, info, warn};

use mirror::{
    config::{Config, DEFAULT_CONFIG_PATH},
    journal::Journal,
    manifest, plan, report, ssh,
    sync::{self, Action, Progress, Quiet, Summary},
};

#[derive(FromArgs)]
/// Mirror a local release directory to one or more SFTP hosts.
struct Cli {
    /// path to the configuration file
    #[argh(option, short = 'c', default = "PathBuf::from(DEFAULT_CONFIG_PATH)")]
    config: PathBuf,

    /// only print errors
    #[argh(switch, short = 'q')]
    quiet: bool,

    #[argh(subcommand)]
    command: Command,
}

#[derive(FromArgs)]
#[argh(subcommand)]
enum Command {
    Push(PushCmd),
    Status(StatusCmd),
    Verify(VerifyCmd),
}

#[derive(FromArgs)]
/// Upload new and changed files to every target.
#[argh(subcommand, name = "push")]
struct PushCmd {
    /// print the plan without changing anything
    #[argh(switch)]
    dry_run: bool,

    /// only push to this host
    #[argh(option)]
    host: Option<String>,
}

#[derive(FromArgs)]
/// Show what a push would do, using the local journal.
#[argh(subcommand, name = "status")]
struct StatusCmd {}

#[derive(FromArgs)]
/// Compare remote checksums against the manifest.
#[argh(subcommand, name = "verify")]
struct VerifyCmd {
    /// only verify this host
    #[argh(option)]
    host: Option<String>,
}

struct Printer;

impl Progress for Printer {
    fn on_upload(&mut self, path: &std::path::Path, bytes: u64) {
        println!("  put {} ({bytes} bytes)", path.display());
    }

    fn on_delete(&mut self, path: &std::path::Path) {
        println!("  rm  {}", path.display());
    }

    fn on_finish(&mut self, summary: &Summary) {
        println!("  {} uploaded, {} deleted, {} bytes", summary.uploaded, summary.deleted, summary.bytes);
    }
}

fn describe(action: &Action) -> String {
    match action {
        Action::Upload(e) => format!("+ {}", e.path),
        Action::Replace(e) => format!("~ {}", e.path),
        Action::Delete(p) => format!("- {p}"),
    }
}

fn push(cfg: &Config, cmd: &PushCmd, quiet: bool) -> Result<()> {
    let manifest = manifest::fetch(cfg)?;
    let local = sync::filter_by_manifest(sync::scan_local(&cfg.source_dir, &manifest.exclude)?, &manifest);
    let mut journal = Journal::load(&cfg.journal_path)?;
    let the_plan = plan(&local, &journal.entries(), cfg.delete_extraneous);

    if cmd.dry_run {
        for action in &the_plan.actions {
            println!("{}", describe(action));
        }
        println!("{} unchanged", the_plan.unchanged);
        return Ok(());
    }

    for target in cfg.targets.iter().filter(|t| cmd.host.as_deref().map_or(true, |h| h == t.host)) {
        info!("pushing to {}:{}", target.host, target.root);
        let conn = ssh::connect(cfg, target, cfg.timeout())?;
        let mut progress: Box<dyn Progress> = if quiet { Box::new(Quiet) } else { Box::new(Printer) };
        let summary = sync::apply(
            &conn.sftp,
            &cfg.source_dir,
            std::path::Path::new(&target.root),
            &the_plan,
            &mut journal,
            progress.as_mut(),
        )?;
        match report::write(&target.host, &summary) {
            Ok(path) => info!("report written to {}", path.display()),
            Err(err) => warn!("could not write report for {}: {err:#}", target.host),
        }
    }

    journal.save(&cfg.journal_path).ok();
    Ok(())
}

fn status(cfg: &Config) -> Result<()> {
    let journal = Journal::load(&cfg.journal_path)?;
    let local = sync::scan_local(&cfg.source_dir, &[])?;
    let the_plan = plan(&local, &journal.entries(), cfg.delete_extraneous);
    for action in &the_plan.actions {
        println!("{}", describe(action));
    }
    println!("{} unchanged, {} pending", the_plan.unchanged, the_plan.actions.len());
    Ok(())
}

fn run(cli: Cli) -> Result<()> {
    let cfg = Config::load(&cli.config)?;
    match &cli.command {
        Command::Push(cmd) => push(&cfg, cmd, cli.quiet),
        Command::Status(_) => status(&cfg),
        Command::Verify(_) => unimplemented!("remote checksum verification"),
    }
}

fn main() -> ExitCode {
    let cli: Cli = argh::from_env();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(if cli.quiet { "error" } else { "info" }))
        .init();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            error!("{err:#}");
            ExitCode::FAILURE
        }
    }
}
