use std::{str::FromStr, sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use futures::StreamExt;
use kube::{
    api::{Api, Patch, PatchParams},
    runtime::{
        controller::{Action, Controller},
        finalizer::{finalizer, Event as Finalizer},
        watcher,
    },
    Client, ResourceExt,
};
use serde_json::json;
use tracing::{info, warn};

use crate::{
    backup_api::{BackupApiError, BackupService},
    crd::{BackupSchedule, BackupScheduleStatus},
    state::Checkpoints,
};

pub const FINALIZER: &str = "backups.lumen.dev/remote-snapshots";
pub const TRIGGER_ANNOTATION: &str = "backups.lumen.dev/trigger";
const MANAGER: &str = "backupctl";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("kubernetes api: {0}")]
    Kube(#[from] kube::Error),
    #[error("backup service: {0}")]
    Backup(#[from] BackupApiError),
    #[error("invalid spec: {0}")]
    InvalidSpec(String),
    #[error("checkpoint store: {0}")]
    Checkpoint(#[from] std::io::Error),
    #[error("finalizer: {0}")]
    Finalizer(#[source] Box<kube::runtime::finalizer::Error<Error>>),
}

pub struct Context {
    pub client: Client,
    pub backups: Arc<dyn BackupService>,
    pub checkpoints: Checkpoints,
}

pub async fn run(ctx: Arc<Context>) {
    let schedules = Api::<BackupSchedule>::all(ctx.client.clone());
    Controller::new(schedules, watcher::Config::default().any_semantic())
        .shutdown_on_signal()
        .run(reconcile, error_policy, ctx)
        .for_each(|res| async move {
            match res {
                Ok((obj, _)) => info!(schedule = %obj.name, ns = ?obj.namespace, "reconciled"),
                Err(err) => warn!(%err, "reconcile failed"),
            }
        })
        .await;
}

pub async fn reconcile(obj: Arc<BackupSchedule>, ctx: Arc<Context>) -> Result<Action, Error> {
    let ns = obj
        .namespace()
        .ok_or_else(|| Error::InvalidSpec("BackupSchedule must be namespaced".into()))?;
    let api: Api<BackupSchedule> = Api::namespaced(ctx.client.clone(), &ns);
    finalizer(&api, FINALIZER, obj, |event| async {
        match event {
            Finalizer::Apply(obj) => apply(obj, ctx.clone()).await,
            Finalizer::Cleanup(obj) => cleanup(obj, ctx.clone()).await,
        }
    })
    .await
    .map_err(|e| Error::Finalizer(Box::new(e)))
}

pub fn error_policy(obj: Arc<BackupSchedule>, error: &Error, _ctx: Arc<Context>) -> Action {
    warn!(schedule = %obj.name_any(), %error, "will retry");
    match error {
        Error::InvalidSpec(_) => Action::requeue(Duration::from_secs(600)),
        _ => Action::requeue(Duration::from_secs(30)),
    }
}

fn parse_time(s: Option<&str>) -> Option<DateTime<Utc>> {
    s.and_then(|v| DateTime::parse_from_rfc3339(v).ok())
        .map(|d| d.with_timezone(&Utc))
}

async fn patch_status(
    client: &Client,
    obj: &BackupSchedule,
    status: BackupScheduleStatus,
) -> Result<(), Error> {
    let api: Api<BackupSchedule> =
        Api::namespaced(client.clone(), &obj.namespace().unwrap_or_default());
    api.patch_status(
        &obj.name_any(),
        &PatchParams::apply(MANAGER),
        &Patch::Merge(json!({ "status": status })),
    )
    .await?;
    Ok(())
}

pub async fn report_suspended(client: &Client, obj: &BackupSchedule) -> Result<(), Error> {
    let status = obj.status.clone().unwrap_or_default();
    if status.phase.as_deref() == Some("Suspended")
        && status.observed_generation == obj.metadata.generation
    {
        return Ok(());
    }
    let next = BackupScheduleStatus {
        phase: Some("Suspended".into()),
        observed_generation: obj.metadata.generation,
        ..status
    };
    patch_status(client, obj, next).await
}

async fn apply(obj: Arc<BackupSchedule>, ctx: Arc<Context>) -> Result<Action, Error> {
    if obj.spec.suspend {
        report_suspended(&ctx.client, &obj).await?;
        return Ok(Action::await_change());
    }
    let schedule = cron::Schedule::from_str(&obj.spec.schedule)
        .map_err(|e| Error::InvalidSpec(e.to_string()))?;
    let status = obj.status.clone().unwrap_or_default();
    let now = Utc::now();
    let last_run = parse_time(status.last_run.as_deref());
    let trigger = obj.annotations().get(TRIGGER_ANNOTATION).cloned();
    let triggered = trigger.is_some() && trigger != status.last_trigger;
    let next_due = schedule
        .after(&last_run.unwrap_or(now - chrono::Duration::days(1)))
        .next();

    if !triggered && next_due.map_or(true, |t| t > now) {
        let wait = next_due
            .and_then(|t| (t - now).to_std().ok())
            .unwrap_or(Duration::from_secs(3600));
        return Ok(Action::requeue(wait.min(Duration::from_secs(3600))));
    }

    let uid = obj.uid().unwrap_or_default();
    let mut labels = obj.spec.labels.clone();
    labels.insert("backupctl/schedule-uid".into(), uid.clone());
    labels.insert(
        "backupctl/namespace".into(),
        obj.namespace().unwrap_or_default(),
    );
    let retention = Duration::from_secs(u64::from(obj.spec.retention_days) * 86_400);
    let parent = ctx.checkpoints.last_snapshot(&uid);

    let snapshot = match ctx
        .backups
        .create_snapshot(&obj.spec.target, &labels, retention, parent.as_deref())
        .await
    {
        Ok(s) => s,
        Err(err) => {
            let failed = BackupScheduleStatus {
                phase: Some("Failed".into()),
                message: Some(err.to_string()),
                observed_generation: obj.metadata.generation,
                ..status
            };
            patch_status(&ctx.client, &obj, failed).await?;
            return Err(err.into());
        }
    };
    ctx.checkpoints.record(&uid, &snapshot.id)?;

    let done = BackupScheduleStatus {
        phase: Some("Ready".into()),
        last_run: Some(now.to_rfc3339()),
        last_snapshot: Some(snapshot.id.clone()),
        last_trigger: trigger.or(status.last_trigger),
        message: None,
        observed_generation: obj.metadata.generation,
    };
    patch_status(&ctx.client, &obj, done).await?;
    info!(schedule = %obj.name_any(), snapshot = %snapshot.id, "backup completed");
    Ok(Action::requeue(Duration::from_secs(60)))
}

async fn cleanup(obj: Arc<BackupSchedule>, ctx: Arc<Context>) -> Result<Action, Error> {
    let uid = obj.uid().unwrap_or_default();
    let _ = ctx.backups.delete_snapshots(&uid).await;
    ctx.checkpoints.forget(&uid)?;
    info!(schedule = %obj.name_any(), "schedule deleted, remote snapshots released");
    Ok(Action::await_change())
}
