use std::path::PathBuf;
use std::process::ExitCode;

use getopts::Options;
use order_events::consumer;
use order_events::ConsumerConfig;
use tokio::sync::watch;

fn usage(program: &str, opts: &Options) -> String {
    opts.usage(&format!("Usage: {program} [options]"))
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();

    let args: Vec<String> = std::env::args().collect();
    let program = args[0].clone();

    let mut opts = Options::new();
    opts.optopt("q", "queue", "queue to consume from", "NAME");
    opts.optopt("", "prefetch", "unacked messages in flight (default 32)", "N");
    opts.optopt("", "ledger-dir", "directory for the ledger file", "DIR");
    opts.optopt("", "dead-letter-dir", "directory for rejected payloads", "DIR");
    opts.optflag("", "once", "exit when the queue is drained instead of waiting");
    opts.optflag("h", "help", "print this help");

    let matches = match opts.parse(&args[1..]) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}\n{}", usage(&program, &opts));
            return ExitCode::from(2);
        }
    };
    if matches.opt_present("h") {
        print!("{}", usage(&program, &opts));
        return ExitCode::SUCCESS;
    }

    let mut cfg = ConsumerConfig::default();
    if let Some(q) = matches.opt_str("queue") {
        cfg.queue = q;
    }
    if let Some(dir) = matches.opt_str("ledger-dir") {
        cfg.ledger_dir = PathBuf::from(dir);
    }
    if let Some(dir) = matches.opt_str("dead-letter-dir") {
        cfg.dead_letter_dir = PathBuf::from(dir);
    }
    if cfg.signing_key.is_empty() {
        eprintln!("ORDER_SIGNING_KEY is not set");
        return ExitCode::from(2);
    }

    let (tx, rx) = watch::channel(false);
    let once = matches.opt_present("once");
    tokio::spawn(async move {
        if !once {
            let _ = tokio::signal::ctrl_c().await;
        }
        let _ = tx.send(true);
    });

    match consumer::run(cfg, rx).await {
        Ok(n) => {
            tracing::info!(processed = n, "consumer stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "consumer failed");
            ExitCode::FAILURE
        }
    }
}
