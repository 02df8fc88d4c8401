use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::bail;
use cron_runner::config::{ensure_operator, Config, JobSchedule};
use cron_runner::db::{Db, RunStatus};
use cron_runner::jobs::{Job, JobContext};
use cron_runner::runner::{http_agent, Runner};

fn test_config() -> Config {
    Config {
        db_path: ":memory:".into(),
        feed_url: "http://127.0.0.1:9/feed".into(),
        feed_signing_key: "feed-test-key".into(),
        retention_days: 7,
        billing_endpoint: "http://127.0.0.1:9".into(),
        operator_key: "test-operator-key".into(),
        jobs: vec![JobSchedule {
            name: "counting".into(),
            every_secs: 60,
        }],
    }
}

struct Counting(Arc<AtomicUsize>);

impl Job for Counting {
    fn name(&self) -> &'static str {
        "counting"
    }
    fn run(&self, _ctx: &JobContext<'_>) -> anyhow::Result<()> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

struct Failing;

impl Job for Failing {
    fn name(&self) -> &'static str {
        "failing"
    }
    fn run(&self, _ctx: &JobContext<'_>) -> anyhow::Result<()> {
        bail!("upstream returned 503")
    }
}

fn runner_with(jobs: Vec<Box<dyn Job>>) -> Runner {
    let db = Db::open_in_memory().unwrap();
    Runner::new(test_config(), db, http_agent(false).unwrap(), jobs)
}

fn assert_last_run(db: &Db, job: &str, expected: RunStatus) -> Option<String> {
    let (status, message) = db.last_run_status(job).unwrap().expect("job never ran");
    assert_eq!(status, expected, "unexpected status for {job}");
    message
}

#[test]
fn run_job_records_success() {
    let count = Arc::new(AtomicUsize::new(0));
    let mut runner = runner_with(vec![Box::new(Counting(count.clone()))]);

    runner.run_job("counting").unwrap();

    assert_eq!(count.load(Ordering::SeqCst), 1);
    assert_last_run(runner.db(), "counting", RunStatus::Ok);
}

#[test]
fn run_job_records_failure_message() {
    let mut runner = runner_with(vec![Box::new(Failing)]);

    let status = runner.run_job("failing").unwrap();

    assert_eq!(status, RunStatus::Failed);
    let message = assert_last_run(runner.db(), "failing", RunStatus::Failed);
    assert!(message.unwrap().contains("503"));
}

#[test]
fn tick_runs_due_jobs() {
    let count = Arc::new(AtomicUsize::new(0));
    let mut runner = runner_with(vec![Box::new(Counting(count.clone())), Box::new(Failing)]);
    let start = Instant::now();

    runner.tick(start).unwrap();
    runner.tick(start + Duration::from_secs(30)).unwrap();
    runner.tick(start + Duration::from_secs(61)).unwrap();
}

#[test]
fn ensure_operator_checks_key() {
    let config = test_config();
    assert!(ensure_operator(&config, None).is_err());
    assert!(ensure_operator(&config, Some("wrong")).is_err());
    assert!(ensure_operator(&config, Some("test-operator-key")).is_ok());
}

#[test]
#[should_panic(expected = "duplicate job name")]
fn runner_rejects_duplicate_job_names() {
    let count = Arc::new(AtomicUsize::new(0));
    runner_with(vec![
        Box::new(Counting(count.clone())),
        Box::new(Counting(count)),
    ]);
}
