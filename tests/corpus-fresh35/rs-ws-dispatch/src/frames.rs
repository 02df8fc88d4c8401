use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "job_status", rename_all = "snake_case")]
pub enum JobStatus {
    Open,
    Assigned,
    EnRoute,
    OnSite,
    Done,
    Cancelled,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inbound {
    Ping { nonce: Option<u64> },
    Subscribe { region: String },
    Unsubscribe { region: String },
    PostUpdate { job_id: Uuid, status: JobStatus, note: Option<String> },
    AssignJob { job_id: Uuid, technician: String },
    CancelJob { job_id: Uuid, reason: String },
    History { region: String, since: Option<DateTime<Utc>> },
    ExportShift { region: String, shift_start: DateTime<Utc> },
    KickSession { session_id: Uuid },
    Resume { token: String },
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Outbound {
    Pong { nonce: Option<u64> },
    Welcome { session_id: Uuid, resume_token: String },
    Subscribed { region: String },
    JobUpdated { job_id: Uuid, region: String, status: JobStatus, by: String, at: DateTime<Utc> },
    JobAssigned { job_id: Uuid, region: String, technician: String, by: String },
    JobCancelled { job_id: Uuid, region: String, reason: String, by: String },
    History { region: String, jobs: Vec<JobSummary> },
    Error { code: &'static str, message: String },
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct JobSummary {
    pub id: Uuid,
    pub region: String,
    pub status: JobStatus,
    pub technician: Option<String>,
    pub updated_at: DateTime<Utc>,
}

impl Outbound {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Outbound::Error { code, message: message.into() }
    }
}
