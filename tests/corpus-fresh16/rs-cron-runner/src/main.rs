use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use anyhow::Result;
use chrono::{Duration, Utc};

use cron_runner::config::{ensure_operator, Config};
use cron_runner::db::Db;
use cron_runner::jobs::registry;
use cron_runner::runner::{http_agent, Runner};

const HELP: &str = "\
cron-runner - runs scheduled maintenance jobs

USAGE:
  cron-runner [--config PATH] [--insecure] [--operator-key KEY] <COMMAND>

COMMANDS:
  run                   run the scheduler until interrupted
  once <JOB>            run a single job now
  status                print the last result of every job
  replay                re-run every job that failed in the last 24h
  purge --before DAYS   delete run history older than DAYS
";

fn main() -> Result<()> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();

    let mut args = pico_args::Arguments::from_env();
    if args.contains(["-h", "--help"]) {
        print!("{HELP}");
        return Ok(());
    }

    let config_path: PathBuf = args
        .opt_value_from_str("--config")?
        .unwrap_or_else(|| PathBuf::from("/etc/cron-runner/config.toml"));
    let insecure = args.contains("--insecure");
    let operator_key: Option<String> = args.opt_value_from_str("--operator-key")?;
    let subcommand = args.subcommand()?;

    let config = Config::load(&config_path)?;
    let db = Db::open(&config.db_path)?;
    let http = http_agent(insecure)?;

    match subcommand.as_deref() {
        Some("run") => {
            let shutdown = Arc::new(AtomicBool::new(false));
            signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&shutdown))?;
            signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&shutdown))?;
            let jobs = registry(&config)?;
            Runner::new(config, db, http, jobs).run_forever(shutdown)?;
        }
        Some("once") => {
            let name: String = args.free_from_str()?;
            let jobs = registry(&config)?;
            let status = Runner::new(config, db, http, jobs).run_job(&name)?;
            println!("{name}: {status:?}");
        }
        Some("status") => {
            for job in registry(&config)? {
                match db.last_run_status(job.name())? {
                    Some((status, message)) => {
                        println!(
                            "{:<16} {:?} {}",
                            job.name(),
                            status,
                            message.unwrap_or_default()
                        )
                    }
                    None => println!("{:<16} never ran", job.name()),
                }
            }
        }
        Some("replay") => {
            ensure_operator(&config, operator_key.as_deref())?;
            let failed = db.failed_jobs_since(Utc::now() - Duration::hours(24))?;
            let jobs = registry(&config)?;
            let mut runner = Runner::new(config, db, http, jobs);
            for name in failed {
                let status = runner.run_job(&name)?;
                println!("replayed {name}: {status:?}");
            }
        }
        Some("purge") => {
            let days: i64 = args.value_from_str("--before")?;
            let removed = db.purge_runs_before(Utc::now() - Duration::days(days))?;
            println!("removed {removed} runs older than {days} days");
        }
        _ => {
            eprint!("{HELP}");
            std::process::exit(2);
        }
    }

    let rest = args.finish();
    if !rest.is_empty() {
        log::warn!("ignoring unexpected arguments: {rest:?}");
    }
    Ok(())
}
