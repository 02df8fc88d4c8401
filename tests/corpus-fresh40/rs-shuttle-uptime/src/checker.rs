use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use tokio::time::MissedTickBehavior;

use crate::db::{self, Monitor};
use crate::AppState;

const EVIDENCE_DIR: &str = "/home/ubuntu/uptime-sentinel/evidence";
const BODY_SAMPLE_BYTES: usize = 4096;

#[derive(Debug)]
pub struct Outcome {
    pub ok: bool,
    pub status: Option<i32>,
    pub latency_ms: i32,
    pub error: Option<String>,
    pub body_sample: Option<String>,
}

impl Outcome {
    pub fn cause(&self, expected: i32) -> String {
        match (&self.error, self.status) {
            (Some(err), _) => format!("request failed: {err}"),
            (None, Some(status)) => format!("expected HTTP {expected}, got {status}"),
            (None, None) => "no response".to_string(),
        }
    }
}

pub async fn run(state: AppState) {
    let mut ticker = tokio::time::interval(Duration::from_secs(10));
    ticker.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        if let Err(err) = tick(&state).await {
            tracing::error!(%err, "check cycle failed");
        }
    }
}

async fn tick(state: &AppState) -> anyhow::Result<()> {
    let in_maintenance = db::maintenance_until(&state.pool).await?.is_some_and(|until| until > Utc::now());

    for monitor in db::due_monitors(&state.pool).await? {
        let outcome = probe(state, &monitor).await;
        let _ = db::record_check(&state.pool, monitor.id, outcome.ok, outcome.status, outcome.latency_ms).await;

        match (monitor.status.as_str(), outcome.ok) {
            ("up" | "unknown", false) => {
                let evidence = save_evidence(&monitor, &outcome).await;
                let incident = db::open_incident(
                    &state.pool,
                    monitor.id,
                    &outcome.cause(monitor.expected_status),
                    evidence.as_deref(),
                )
                .await?;
                if !in_maintenance {
                    state.notifier.incident_opened(&monitor, &incident).await.ok();
                }
            }
            ("down", true) => {
                if let Some(incident) = db::resolve_incident(&state.pool, monitor.id).await? {
                    if in_maintenance {
                        continue;
                    }
                    if let Err(err) = state.notifier.incident_resolved(&monitor, &incident).await {
                        tracing::warn!(%err, monitor = monitor.id, "resolution notice failed");
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

async fn probe(state: &AppState, monitor: &Monitor) -> Outcome {
    let client = if monitor.verify_tls { &state.http } else { &state.http_unverified };
    let started = Instant::now();
    let result = client.get(&monitor.url).send().await;
    let latency_ms = started.elapsed().as_millis().min(i32::MAX as u128) as i32;
    match result {
        Ok(resp) => {
            let status = i32::from(resp.status().as_u16());
            let ok = status == monitor.expected_status;
            let body_sample = if ok {
                None
            } else {
                resp.text().await.ok().map(|body| body.chars().take(BODY_SAMPLE_BYTES).collect())
            };
            Outcome { ok, status: Some(status), latency_ms, error: None, body_sample }
        }
        Err(err) => Outcome { ok: false, status: None, latency_ms, error: Some(err.to_string()), body_sample: None },
    }
}

async fn save_evidence(monitor: &Monitor, outcome: &Outcome) -> Option<String> {
    let body = outcome.body_sample.as_ref()?;
    let dir = Path::new(EVIDENCE_DIR).join(monitor.id.to_string());
    let path = dir.join(format!("{}.txt", Utc::now().timestamp()));
    let written = async {
        tokio::fs::create_dir_all(&dir).await?;
        tokio::fs::write(&path, body).await
    };
    match written.await {
        Ok(()) => Some(path.display().to_string()),
        Err(err) => {
            tracing::warn!(%err, monitor = monitor.id, "could not keep the failing response");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(status: Option<i32>, error: Option<&str>) -> Outcome {
        Outcome { ok: false, status, latency_ms: 12, error: error.map(str::to_string), body_sample: None }
    }

    #[test]
    fn cause_names_the_unexpected_status() {
        assert_eq!(outcome(Some(503), None).cause(200), "expected HTTP 200, got 503");
    }

    #[test]
    fn cause_prefers_the_transport_error() {
        let cause = outcome(Some(200), Some("connection reset")).cause(200);
        assert!(cause.starts_with("request failed: connection reset"), "{cause}");
    }

    #[test]
    fn cause_without_response() {
        assert_eq!(outcome(None, None).cause(204), "no response");
    }
}
