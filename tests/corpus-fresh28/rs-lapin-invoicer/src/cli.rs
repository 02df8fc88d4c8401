use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "invoicer", version, about = "Invoice worker and operator tools")]
pub struct Cli {
    /// Log as JSON lines (for the log shipper)
    #[arg(long, global = true)]
    pub json_logs: bool,

    #[command(subcommand)]
    pub command: Cmd,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Consume invoice commands from RabbitMQ
    Worker {
        #[arg(long, default_value = "invoicer.commands")]
        queue: String,
        #[arg(long, default_value_t = 8)]
        prefetch: u16,
        /// Overrides AMQP_URL from the environment
        #[arg(long)]
        amqp_url: Option<String>,
    },
    /// Compare paid invoices with PayLane's settlement report
    Reconcile {
        #[arg(long)]
        since: chrono::NaiveDate,
        #[arg(long)]
        fix: bool,
    },
    /// Render one invoice to the storage directory
    Render {
        invoice_id: i64,
        #[arg(long, value_parser = ["pdf", "html"], default_value = "pdf")]
        format: String,
    },
    /// Apply database migrations
    Migrate,
}
