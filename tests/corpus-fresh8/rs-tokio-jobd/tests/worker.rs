use std::{sync::Arc, time::Duration};

use async_trait::async_trait;
use jobd::{
    delivery::Deliverer,
    queue::{Job, JobQueue, QueueError, SpoolQueue},
    Worker, WorkerConfig,
};
use tokio::sync::watch;
use uuid::Uuid;

fn job(url: &str) -> Job {
    Job { id: Uuid::new_v4(), url: url.to_string(), payload: serde_json::json!({"event": "ping"}), attempts: 0 }
}

async fn spool_with(jobs: &[Job]) -> (tempfile::TempDir, SpoolQueue) {
    let dir = tempfile::tempdir().unwrap();
    tokio::fs::create_dir_all(dir.path().join("ready")).await.unwrap();
    for j in jobs {
        tokio::fs::write(dir.path().join("ready").join(format!("{}.json", j.id)), serde_json::to_vec(j).unwrap())
            .await
            .unwrap();
    }
    let q = SpoolQueue::new(dir.path());
    (dir, q)
}

#[tokio::test]
async fn nack_increments_attempts() {
    let j = job("http://127.0.0.1:9/hook");
    let (_dir, q) = spool_with(&[j.clone()]).await;
    q.nack(j.clone()).await.unwrap();
    let next = q.next().await.unwrap().expect("job still queued");
    assert_eq!(next.attempts, 1);
}

#[tokio::test]
async fn purge_empties_the_spool() {
    let (_dir, q) = spool_with(&[job("http://a"), job("http://b")]).await;
    let removed = q.purge().await;
    assert!(matches!(removed, Ok(2)));
}

#[tokio::test]
async fn worker_stops_on_shutdown() {
    struct EmptyQueue;

    #[async_trait]
    impl JobQueue for EmptyQueue {
        async fn next(&self) -> Result<Option<Job>, QueueError> {
            Ok(None)
        }
        async fn ack(&self, _id: Uuid) -> Result<(), QueueError> {
            Ok(())
        }
        async fn nack(&self, _job: Job) -> Result<(), QueueError> {
            Ok(())
        }
        async fn purge(&self) -> Result<usize, QueueError> {
            unimplemented!("not used by this test")
        }
    }

    let deliverer = Arc::new(Deliverer::new(b"test-key".to_vec(), Duration::from_secs(1)).unwrap());
    let (tx, rx) = watch::channel(false);
    let cfg = WorkerConfig { poll_interval: Duration::from_millis(10), max_attempts: 3 };
    let handle = tokio::spawn(Worker::new(Arc::new(EmptyQueue), deliverer, cfg).run(rx));
    tokio::time::sleep(Duration::from_millis(30)).await;
    tx.send(true).unwrap();
    let _ = handle.await;
}
