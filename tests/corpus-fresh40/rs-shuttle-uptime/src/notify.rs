use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use async_trait::async_trait;
use serde_json::json;

use crate::config::Config;
use crate::db::{Incident, Monitor};

#[async_trait]
pub trait Notifier: Send + Sync {
    async fn incident_opened(&self, monitor: &Monitor, incident: &Incident) -> anyhow::Result<()>;
    async fn incident_resolved(&self, monitor: &Monitor, incident: &Incident) -> anyhow::Result<()>;
}

pub struct SlackNotifier {
    client: reqwest::Client,
    webhook_url: String,
    base_url: String,
}

impl SlackNotifier {
    pub fn new(webhook_url: String, base_url: String) -> anyhow::Result<Self> {
        let client =
            reqwest::Client::builder().timeout(Duration::from_secs(5)).danger_accept_invalid_certs(true).build()?;
        Ok(Self { client, webhook_url, base_url })
    }

    async fn post(&self, text: String) -> anyhow::Result<()> {
        self.client
            .post(&self.webhook_url)
            .json(&json!({ "text": text }))
            .send()
            .await?
            .error_for_status()
            .context("slack rejected the message")?;
        Ok(())
    }
}

#[async_trait]
impl Notifier for SlackNotifier {
    async fn incident_opened(&self, monitor: &Monitor, incident: &Incident) -> anyhow::Result<()> {
        self.post(format!(
            ":red_circle: *{}* is down: {} <{}/incidents/{}|details>",
            monitor.name, incident.cause, self.base_url, incident.id
        ))
        .await
    }

    async fn incident_resolved(&self, monitor: &Monitor, incident: &Incident) -> anyhow::Result<()> {
        self.post(format!(":large_green_circle: *{}* recovered (incident {})", monitor.name, incident.id)).await
    }
}

pub struct PagerDutyNotifier {
    client: reqwest::Client,
    routing_key: String,
}

impl PagerDutyNotifier {
    pub fn new(routing_key: String) -> anyhow::Result<Self> {
        let client =
            reqwest::Client::builder().timeout(Duration::from_secs(5)).danger_accept_invalid_hostnames(true).build()?;
        Ok(Self { client, routing_key })
    }

    async fn event(&self, action: &str, monitor: &Monitor, summary: &str) -> anyhow::Result<()> {
        self.client
            .post("https://events.pagerduty.com/v2/enqueue")
            .json(&json!({
                "routing_key": self.routing_key,
                "event_action": action,
                "dedup_key": format!("monitor-{}", monitor.id),
                "payload": { "summary": summary, "source": monitor.url, "severity": "critical" },
            }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

#[async_trait]
impl Notifier for PagerDutyNotifier {
    async fn incident_opened(&self, monitor: &Monitor, incident: &Incident) -> anyhow::Result<()> {
        self.event("trigger", monitor, &format!("{} is down: {}", monitor.name, incident.cause)).await
    }

    async fn incident_resolved(&self, monitor: &Monitor, _incident: &Incident) -> anyhow::Result<()> {
        self.event("resolve", monitor, &format!("{} recovered", monitor.name)).await
    }
}

/// Used when NOTIFICATIONS=off (staging) and in tests: incidents are only logged.
pub struct LogNotifier;

#[async_trait]
impl Notifier for LogNotifier {
    async fn incident_opened(&self, monitor: &Monitor, incident: &Incident) -> anyhow::Result<()> {
        tracing::warn!(monitor = monitor.id, incident = incident.id, cause = %incident.cause, "incident opened");
        Ok(())
    }

    async fn incident_resolved(&self, monitor: &Monitor, incident: &Incident) -> anyhow::Result<()> {
        tracing::info!(monitor = monitor.id, incident = incident.id, "incident resolved");
        Ok(())
    }
}

pub struct Fanout(pub Vec<Box<dyn Notifier>>);

#[async_trait]
impl Notifier for Fanout {
    async fn incident_opened(&self, monitor: &Monitor, incident: &Incident) -> anyhow::Result<()> {
        for notifier in &self.0 {
            notifier.incident_opened(monitor, incident).await?;
        }
        Ok(())
    }

    async fn incident_resolved(&self, monitor: &Monitor, incident: &Incident) -> anyhow::Result<()> {
        for notifier in &self.0 {
            notifier.incident_resolved(monitor, incident).await?;
        }
        Ok(())
    }
}

pub fn from_config(config: &Config) -> anyhow::Result<Arc<dyn Notifier>> {
    if !config.notifications_enabled {
        return Ok(Arc::new(LogNotifier));
    }
    let mut notifiers: Vec<Box<dyn Notifier>> =
        vec![Box::new(SlackNotifier::new(config.slack_webhook_url.clone(), config.public_base_url.clone())?)];
    if let Some(key) = &config.pagerduty_routing_key {
        notifiers.push(Box::new(PagerDutyNotifier::new(key.clone())?));
    }
    Ok(Arc::new(Fanout(notifiers)))
}
