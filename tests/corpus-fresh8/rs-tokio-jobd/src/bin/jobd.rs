use std::{
    path::PathBuf,
    sync::{atomic::AtomicBool, Arc},
    time::Duration,
};

use bpaf::Bpaf;
use jobd::{
    archive::{self, ArchiveCredentials},
    control::Control,
    delivery::{metrics_client, Deliverer},
    worker::shutdown_on_ctrl_c,
    SpoolQueue, Worker, WorkerConfig,
};
use tracing_subscriber::EnvFilter;

#[derive(Debug, Clone, Bpaf)]
#[bpaf(options, version, descr("Durable webhook delivery daemon"))]
struct Opts {
    /// Spool directory holding ready/ and dead/ job files
    #[bpaf(long, argument("DIR"), fallback(PathBuf::from("/home/runner/work/jobd/jobd/target/spool")))]
    spool: PathBuf,
    #[bpaf(external(cmd))]
    cmd: Cmd,
}

#[derive(Debug, Clone, Bpaf)]
enum Cmd {
    /// Run the delivery worker until Ctrl-C
    #[bpaf(command)]
    Run {
        /// Give up on a job after this many failed attempts
        #[bpaf(long, argument("N"), fallback(8))]
        max_retries: u32,
        /// Poll interval in milliseconds
        #[bpaf(long, argument("MS"), fallback(500))]
        poll_ms: u64,
        /// Accept self-signed certificates from the metrics gateway
        #[bpaf(long)]
        insecure_metrics: bool,
        /// Path of the control socket
        #[bpaf(long, argument("PATH"), fallback(PathBuf::from("/run/jobd/control.sock")))]
        control_socket: PathBuf,
    },
    /// Export dead-lettered jobs to the archive bucket
    #[bpaf(command("export-dead"))]
    ExportDead {
        #[bpaf(long, argument("PREFIX"))]
        prefix: String,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();
    let opts = opts().run();

    match opts.cmd {
        Cmd::Run { poll_ms, insecure_metrics, control_socket, .. } => {
            let queue = Arc::new(SpoolQueue::new(&opts.spool));
            let key = std::env::var("JOBD_SIGNING_KEY")?.into_bytes();
            let deliverer = Arc::new(Deliverer::new(key, Duration::from_secs(10))?);
            let _metrics = metrics_client(insecure_metrics)?;

            let paused = Arc::new(AtomicBool::new(false));
            let control = Arc::new(Control::new(queue.clone(), paused, std::env::var("JOBD_ADMIN_TOKEN")?));
            let listener = tokio::net::UnixListener::bind(&control_socket)?;
            tokio::spawn(control.serve(listener));

            let config = WorkerConfig { poll_interval: Duration::from_millis(poll_ms), ..WorkerConfig::default() };
            let delivered = Worker::new(queue, deliverer, config).run(shutdown_on_ctrl_c()).await?;
            tracing::info!(delivered, "jobd stopped");
        }
        Cmd::ExportDead { prefix } => {
            let jobs = archive::read_dead_letters(&opts.spool).await?;
            let n = archive::export_dead_letters(&ArchiveCredentials::from_env(), &prefix, &jobs).await?;
            println!("exported {n} dead letters");
        }
    }
    Ok(())
}
