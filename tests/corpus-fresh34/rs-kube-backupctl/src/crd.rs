use std::collections::BTreeMap;

use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A recurring logical backup of one database, pushed to the central backup service.
#[derive(CustomResource, Deserialize, Serialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "backups.lumen.dev",
    version = "v1alpha1",
    kind = "BackupSchedule",
    namespaced,
    status = "BackupScheduleStatus",
    shortname = "bks",
    printcolumn = r#"{"name":"Schedule","type":"string","jsonPath":".spec.schedule"}"#,
    printcolumn = r#"{"name":"Phase","type":"string","jsonPath":".status.phase"}"#,
    printcolumn = r#"{"name":"Last run","type":"date","jsonPath":".status.lastRun"}"#
)]
#[serde(rename_all = "camelCase")]
pub struct BackupScheduleSpec {
    /// Six-field cron expression (seconds first), evaluated in UTC.
    pub schedule: String,
    pub target: DatabaseTarget,
    pub retention_days: u32,
    #[serde(default)]
    pub suspend: bool,
    /// Copied onto every snapshot in the backup service.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseTarget {
    pub engine: DatabaseEngine,
    pub host: String,
    #[serde(default = "default_port")]
    pub port: u16,
    pub database: String,
    /// Secret in the same namespace holding the database credentials.
    pub credentials_secret: String,
    #[serde(default = "default_password_key")]
    pub password_key: String,
}

#[derive(Deserialize, Serialize, Clone, Copy, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DatabaseEngine {
    Postgres,
    Mysql,
}

fn default_port() -> u16 {
    5432
}

fn default_password_key() -> String {
    "password".to_string()
}

#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BackupScheduleStatus {
    pub phase: Option<String>,
    pub last_run: Option<String>,
    pub last_snapshot: Option<String>,
    pub last_trigger: Option<String>,
    pub message: Option<String>,
    pub observed_generation: Option<i64>,
}
