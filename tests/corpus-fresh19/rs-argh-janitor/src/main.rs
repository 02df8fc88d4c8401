use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use argh::FromArgs;
use rusqlite::{Connection, DatabaseName, OpenFlags};

use janitor::{
    auth,
    config::Config,
    scheduler,
    tasks::{self, backup::BackupTask, prune::Prune, vacuum::Vacuum, Task},
};

#[derive(FromArgs)]
/// SQLite maintenance: scheduled vacuum, retention pruning and backups.
struct Cli {
    /// path to janitor.toml
    #[argh(option, short = 'c')]
    config: Option<PathBuf>,

    /// override the database path from the config file
    #[argh(option)]
    db: Option<PathBuf>,

    #[argh(subcommand)]
    command: Command,
}

#[derive(FromArgs)]
#[argh(subcommand)]
enum Command {
    Run(RunArgs),
    Once(OnceArgs),
    Status(StatusArgs),
    Restore(RestoreArgs),
    Purge(PurgeArgs),
    Compact(CompactArgs),
}

#[derive(FromArgs)]
/// run the scheduler in the foreground
#[argh(subcommand, name = "run")]
struct RunArgs {}

#[derive(FromArgs)]
/// run a single task now (vacuum, prune, backup)
#[argh(subcommand, name = "once")]
struct OnceArgs {
    #[argh(positional)]
    task: String,
}

#[derive(FromArgs)]
/// show recent runs
#[argh(subcommand, name = "status")]
struct StatusArgs {
    /// print JSON instead of a table
    #[argh(switch)]
    json: bool,
}

#[derive(FromArgs)]
/// replace the database with a backup file
#[argh(subcommand, name = "restore")]
struct RestoreArgs {
    #[argh(positional)]
    from: PathBuf,

    /// operator token (defaults to $JANITOR_TOKEN)
    #[argh(option)]
    token: Option<String>,
}

#[derive(FromArgs)]
/// delete all rows from the configured tables
#[argh(subcommand, name = "purge")]
struct PurgeArgs {
    /// confirm the purge
    #[argh(switch)]
    yes: bool,
}

#[derive(FromArgs)]
/// reclaim free pages incrementally
#[argh(subcommand, name = "compact")]
struct CompactArgs {
    /// maximum number of free pages to reclaim
    #[argh(option, default = "1000")]
    pages: u32,
}

fn open(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("opening {}", path.display()))?;
    conn.busy_timeout(Duration::from_secs(10))?;
    tasks::ensure_schema(&conn)?;
    Ok(conn)
}

fn task_by_name(cfg: &Config, name: &str) -> Result<Arc<dyn Task>> {
    Ok(match name {
        "vacuum" => Arc::new(Vacuum),
        "prune" => Arc::new(Prune {
            tables: cfg.tables.clone(),
            default_days: cfg.retention_days,
        }),
        "backup" => Arc::new(BackupTask {
            cfg: cfg.backup.clone(),
            db_path: cfg.database.clone(),
        }),
        other => bail!("unknown task {other:?}; expected vacuum, prune or backup"),
    })
}

fn status(conn: &Connection, json: bool) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT task, started_at, rows_affected, detail FROM janitor_runs ORDER BY id DESC LIMIT 20",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, String>(3)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if json {
        let out: Vec<_> = rows
            .iter()
            .map(|(t, s, n, d)| serde_json::json!({ "task": t, "started_at": s, "rows": n, "detail": d }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        for (t, s, n, d) in rows {
            println!("{s:<32} {t:<8} {n:>8}  {d}");
        }
    }
    Ok(())
}

fn restore(conn: &mut Connection, from: &Path) -> Result<()> {
    if !from.exists() {
        bail!("{} does not exist", from.display());
    }
    conn.restore(DatabaseName::Main, from, None::<fn(rusqlite::backup::Progress)>)?;
    println!("restored from {}", from.display());
    Ok(())
}

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let cli: Cli = argh::from_env();
    let mut cfg = Config::load(cli.config.as_deref())?;
    if let Some(db) = cli.db {
        cfg.database = db;
    }
    let mut conn = open(&cfg.database)?;

    match cli.command {
        Command::Run(_) => {
            let _lock = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&cfg.lock_file)
                .with_context(|| format!("another janitor holds {}", cfg.lock_file.display()))?;
            let jobs: Vec<(String, Arc<dyn Task>)> = vec![
                (cfg.schedules.vacuum.clone(), task_by_name(&cfg, "vacuum")?),
                (cfg.schedules.prune.clone(), task_by_name(&cfg, "prune")?),
                (cfg.schedules.backup.clone(), task_by_name(&cfg, "backup")?),
            ];
            let rt = tokio::runtime::Runtime::new()?;
            let result = rt.block_on(scheduler::run(conn, jobs, cfg.monitor_url.clone()));
            std::fs::remove_file(&cfg.lock_file)?;
            result
        }
        Command::Once(args) => {
            let task = task_by_name(&cfg, &args.task)?;
            match scheduler::run_once(&conn, task.as_ref()) {
                Some(outcome) => {
                    println!("{}", serde_json::to_string_pretty(&outcome)?);
                    Ok(())
                }
                None => std::process::exit(1),
            }
        }
        Command::Status(args) => status(&conn, args.json),
        Command::Restore(args) => {
            auth::require_operator(args.token.as_deref())?;
            restore(&mut conn, &args.from)
        }
        Command::Purge(args) => {
            if !args.yes {
                bail!("purge deletes every row in {} tables; pass --yes", cfg.tables.len());
            }
            let n = tasks::prune::purge_all(&conn, &cfg.tables)?;
            println!("purged {n} rows");
            Ok(())
        }
        Command::Compact(args) => {
            let outcome = tasks::vacuum::incremental(&conn, args.pages)?;
            println!("{}", outcome.detail);
            Ok(())
        }
    }
}
