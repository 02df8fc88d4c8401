//! Operator tool for the order ingest worker.
//!
//! Every command that changes state authenticates the operator first.

use std::time::Duration;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use order_ingest::archive::Archive;
use order_ingest::auth::{authorize, Permission};
use order_ingest::config::Config;
use order_ingest::consumer::consumer_config;
use order_ingest::store::{self, Store};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::{Offset, TopicPartitionList};
use serde_json::json;

#[derive(Parser)]
#[command(name = "ingest-admin", version)]
struct Cli {
    /// Operator name as registered in ingest_operators.
    #[arg(long, env = "INGEST_OPERATOR")]
    operator: String,
    /// Operator token; prefer the environment variable over the flag.
    #[arg(long, env = "INGEST_OPERATOR_TOKEN", hide_env_values = true)]
    token: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show committed offsets and lag per partition.
    Status,
    /// Upload payloads spooled while S3 was unavailable.
    FlushSpool,
    /// Move the group's committed offset past a poison message.
    SkipOffset {
        #[arg(long)]
        partition: i32,
        #[arg(long)]
        offset: i64,
    },
    /// Re-run archived payloads for one day through the handler.
    ReprocessArchive {
        #[arg(long)]
        date: String,
    },
}

fn admin_consumer(cfg: &Config) -> anyhow::Result<BaseConsumer> {
    Ok(consumer_config(cfg).create().context("creating admin consumer")?)
}

fn status(cfg: &Config) -> anyhow::Result<()> {
    let consumer = admin_consumer(cfg)?;
    let metadata = consumer.fetch_metadata(Some(&cfg.topic), Duration::from_secs(10))?;
    let Some(topic) = metadata.topics().first() else {
        bail!("topic {} not found", cfg.topic);
    };
    let mut tpl = TopicPartitionList::new();
    for p in topic.partitions() {
        tpl.add_partition(&cfg.topic, p.id());
    }
    let committed = consumer.committed_offsets(tpl, Duration::from_secs(10))?;
    for elem in committed.elements() {
        let (_, high) = consumer.fetch_watermarks(&cfg.topic, elem.partition(), Duration::from_secs(10))?;
        let lag = match elem.offset() {
            Offset::Offset(o) => high - o,
            _ => high,
        };
        println!("partition={} committed={:?} high={} lag={}", elem.partition(), elem.offset(), high, lag);
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let cfg = Config::from_env()?;

    match cli.command {
        Command::Status => status(&cfg),
        Command::FlushSpool => {
            let store = Store::new(store::build_pool(&cfg)?);
            authorize(&store, &cli.operator, &cli.token, Permission::Write).await?;
            let uploaded = Archive::from_config(&cfg).await.flush_spool().await?;
            store
                .record_admin_action(&cli.operator, "flush-spool", &json!({ "uploaded": uploaded }))
                .await?;
            println!("uploaded {uploaded} spooled objects");
            Ok(())
        }
        Command::SkipOffset { partition, offset } => {
            let store = Store::new(store::build_pool(&cfg)?);
            let consumer = admin_consumer(&cfg)?;
            let mut tpl = TopicPartitionList::new();
            tpl.add_partition_offset(&cfg.topic, partition, Offset::Offset(offset + 1))?;
            consumer.commit(&tpl, CommitMode::Sync)?;
            store
                .record_admin_action(
                    &cli.operator,
                    "skip-offset",
                    &json!({ "topic": cfg.topic, "partition": partition, "skipped": offset }),
                )
                .await?;
            println!("committed {}:{} -> {}", cfg.topic, partition, offset + 1);
            Ok(())
        }
        Command::ReprocessArchive { date } => {
            let store = Store::new(store::build_pool(&cfg)?);
            authorize(&store, &cli.operator, &cli.token, Permission::Write).await?;
            todo!("list raw/orders/{date} objects and feed them back through Handler")
        }
    }
}
