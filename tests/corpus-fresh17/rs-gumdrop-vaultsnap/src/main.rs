mod commands;
mod config;
mod dump;
mod logging;
mod storage;

use anyhow::{bail, Result};
use gumdrop::Options;
use log::error;

use commands::{Args, Command};
use storage::Storage;

fn run(args: Args) -> Result<()> {
    let Some(command) = args.command else {
        eprintln!("{}", Args::usage());
        bail!("no command given");
    };
    let cfg = config::load(args.config.as_deref())?;
    let creds = config::credentials()?;
    let storage = Storage::new(&cfg.storage, &creds)?;

    match command {
        Command::Backup(opts) => commands::backup(&cfg, &storage, opts),
        Command::Restore(opts) => commands::restore(&cfg, &storage, opts),
        Command::List(opts) => commands::list(&storage, opts),
        Command::Prune(opts) => commands::prune(&cfg, &storage, opts),
        Command::Verify(opts) => commands::verify(&storage, opts),
    }
}

fn main() {
    let args = Args::parse_args_default_or_exit();
    logging::init(args.verbose);
    if let Err(err) = run(args) {
        error!("{err:#}");
        std::process::exit(1);
    }
}
