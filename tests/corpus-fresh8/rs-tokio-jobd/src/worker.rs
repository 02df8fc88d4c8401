use std::{sync::Arc, time::Duration};

use tokio::sync::watch;
use tracing::{debug, error, info, warn};

use crate::{delivery::Deliverer, queue::JobQueue};

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    pub poll_interval: Duration,
    pub max_attempts: u32,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self { poll_interval: Duration::from_millis(500), max_attempts: 8 }
    }
}

pub struct Worker<Q: JobQueue> {
    queue: Arc<Q>,
    deliverer: Arc<Deliverer>,
    config: WorkerConfig,
}

impl<Q: JobQueue + 'static> Worker<Q> {
    pub fn new(queue: Arc<Q>, deliverer: Arc<Deliverer>, config: WorkerConfig) -> Self {
        Self { queue, deliverer, config }
    }

    /// Run until `shutdown` flips to `true`. Returns the number of delivered jobs.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) -> anyhow::Result<u64> {
        let mut delivered = 0u64;
        let mut ticker = tokio::time::interval(self.config.poll_interval);
        loop {
            tokio::select! {
                _ = shutdown.changed() => {
                    info!(delivered, "worker shutting down");
                    return Ok(delivered);
                }
                _ = ticker.tick() => {
                    while let Some(job) = self.queue.next().await? {
                        match self.deliverer.deliver(&job).await {
                            Ok(()) => {
                                let _ = self.queue.ack(job.id).await;
                                delivered += 1;
                                debug!(id = %job.id, "delivered");
                            }
                            Err(err) if job.attempts + 1 >= self.config.max_attempts => {
                                error!(id = %job.id, %err, "giving up on job");
                                self.queue.ack(job.id).await?;
                            }
                            Err(err) => {
                                warn!(id = %job.id, attempts = job.attempts, %err, "delivery failed, will retry");
                                self.queue.nack(job).await?;
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Flip the shutdown flag on Ctrl-C.
pub fn shutdown_on_ctrl_c() -> watch::Receiver<bool> {
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            let _ = tx.send(true);
        }
    });
    rx
}
