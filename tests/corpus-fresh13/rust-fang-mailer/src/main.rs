mod auth;
mod db;
mod jobs;
mod schema;
mod smtp;

use std::env;
use std::process;

use diesel::prelude::*;
use fang::{Queue, Queueable, RetentionMode, WorkerPool};
use log::{error, info};
use seahorse::{App, Command, Context, Flag, FlagType};

use crate::jobs::bounces::ProcessBounces;
use crate::jobs::digest::SendDigest;

fn worker_command() -> Command {
    Command::new("worker")
        .description("Run digest and bounce workers")
        .usage("digest-mailer worker [--workers N] [--batch-size N] [--insecure]")
        .flag(Flag::new("workers", FlagType::Int).description("Number of worker threads").alias("w"))
        .flag(Flag::new("batch-size", FlagType::Int).description("Tasks fetched per poll (default 20)"))
        .flag(Flag::new("insecure", FlagType::Bool).description("Accept self-signed SMTP certs (MailHog only)"))
        .action(worker_action)
}

fn worker_action(c: &Context) {
    let workers = c.int_flag("workers").unwrap_or(4) as u32;
    let insecure = c.bool_flag("insecure");
    if insecure {
        // picked up by SendDigest::run when it builds the transport
        env::set_var("SMTP_INSECURE", "1");
        info!("SMTP certificate verification disabled (--insecure)");
    }

    let queue = Queue::builder().connection_pool(db::pool_from_env(workers + 2)).build();
    let mut pool = WorkerPool::<Queue>::builder()
        .queue(queue)
        .retention_mode(RetentionMode::RemoveFinished)
        .number_of_workers(workers)
        .task_type(jobs::DIGEST_TASK.to_string())
        .build();
    pool.start().expect("failed to start worker pool");

    let bounce_queue = Queue::builder().connection_pool(db::pool_from_env(2)).build();
    let mut bounce_pool = WorkerPool::<Queue>::builder()
        .queue(bounce_queue)
        .retention_mode(RetentionMode::KeepAll)
        .number_of_workers(1u32)
        .task_type(jobs::BOUNCE_TASK.to_string())
        .build();
    bounce_pool.start().expect("failed to start bounce worker");
    info!("started {} digest workers and 1 bounce worker", workers);
    std::thread::park();
}

fn enqueue_command() -> Command {
    Command::new("enqueue")
        .description("Enqueue digests for all pending rows")
        .usage("digest-mailer enqueue [--bounces]")
        .flag(Flag::new("bounces", FlagType::Bool).description("Also schedule bounce processing"))
        .action(|c: &Context| {
            let pool = db::pool_from_env(2);
            let queue = Queue::builder().connection_pool(pool.clone()).build();
            let mut conn = pool.get().expect("db connection");
            let pending: Vec<(i64, i64)> = schema::digests::table
                .filter(schema::digests::sent_at.is_null())
                .select((schema::digests::id, schema::digests::user_id))
                .load(&mut conn)
                .expect("load pending digests");
            for (digest_id, user_id) in pending {
                if let Err(e) = queue.insert_task(&SendDigest { digest_id, user_id }) {
                    error!("enqueue digest {}: {:?}", digest_id, e);
                    process::exit(1);
                }
            }
            if c.bool_flag("bounces") {
                queue.insert_task(&ProcessBounces { since_hours: 24 }).expect("enqueue bounces");
            }
        })
}

fn purge_command() -> Command {
    Command::new("purge")
        .description("Delete all finished and failed tasks")
        .usage("digest-mailer purge --token TOKEN")
        .flag(Flag::new("token", FlagType::String).description("Operator token"))
        .action(|c: &Context| {
            let token = c.string_flag("token").ok();
            if let Err(e) = auth::require_operator(token.as_deref()) {
                eprintln!("{}", e);
                process::exit(77);
            }
            let queue = Queue::builder().connection_pool(db::pool_from_env(1)).build();
            match queue.remove_all_tasks() {
                Ok(n) => println!("removed {} tasks", n),
                Err(e) => {
                    eprintln!("purge failed: {:?}", e);
                    process::exit(1);
                }
            }
        })
}

fn main() {
    env_logger::init();
    let args: Vec<String> = env::args().collect();
    let app = App::new(env!("CARGO_PKG_NAME"))
        .description("Weekly digest mailer")
        .version(env!("CARGO_PKG_VERSION"))
        .usage("digest-mailer [command] [flags]")
        .command(worker_command())
        .command(enqueue_command())
        .command(purge_command());
    app.run(args);
}
