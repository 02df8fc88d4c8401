use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use k8s_openapi::api::core::v1::Secret;
use kube::api::{DeleteParams, Patch, PatchParams};
use kube::runtime::controller::Action;
use kube::runtime::finalizer::{finalizer, Event as Finalizer};
use kube::{Api, Client, ResourceExt};
use serde_json::json;
use tokio::sync::RwLock;
use tracing::{info, instrument, warn};

use crate::config::Config;
use crate::crd::{Bucket, BucketSpec, BucketStatus, Condition, DeletionPolicy};
use crate::error::{Error, Result};
use crate::metrics::Metrics;
use crate::probe::Probe;
use crate::secrets::{self, MANAGER};
use crate::stowage::StowageApi;

pub const FINALIZER: &str = "stowage.io/cleanup";
const GIB: u64 = 1024 * 1024 * 1024;

#[derive(Clone, Debug, serde::Serialize)]
pub struct BucketState {
    pub physical_name: String,
    pub ready: bool,
    pub last_reconcile: String,
    pub last_error: Option<String>,
}

pub struct Context {
    pub client: Client,
    pub stowage: Arc<dyn StowageApi>,
    pub probe: Probe,
    pub config: Config,
    pub metrics: Metrics,
    pub state: RwLock<BTreeMap<String, BucketState>>,
}

impl Context {
    pub fn new(client: Client, stowage: Arc<dyn StowageApi>, probe: Probe, config: Config) -> Self {
        Self {
            client,
            stowage,
            probe,
            config,
            metrics: Metrics::default(),
            state: RwLock::new(BTreeMap::new()),
        }
    }

    async fn record(&self, bucket: &Bucket, ready: bool, error: Option<String>) {
        let key = format!("{}/{}", bucket.namespace().unwrap_or_default(), bucket.name_any());
        self.state.write().await.insert(
            key,
            BucketState {
                physical_name: bucket.physical_name(),
                ready,
                last_reconcile: Utc::now().to_rfc3339(),
                last_error: error,
            },
        );
    }
}

pub fn validate(spec: &BucketSpec) -> Result<()> {
    if spec.region.trim().is_empty() {
        return Err(Error::InvalidSpec("region is required".into()));
    }
    if spec.object_lock && !spec.versioning {
        return Err(Error::InvalidSpec("objectLock requires versioning".into()));
    }
    if spec.credentials_secret.is_empty() {
        return Err(Error::InvalidSpec("credentialsSecret is required".into()));
    }
    Ok(())
}

pub fn with_condition(
    existing: &[Condition],
    type_: &str,
    status: &str,
    reason: &str,
    message: &str,
) -> Vec<Condition> {
    let now = Utc::now().to_rfc3339();
    let mut out: Vec<Condition> = existing.iter().filter(|c| c.type_ != type_).cloned().collect();
    let transition = existing
        .iter()
        .find(|c| c.type_ == type_ && c.status == status)
        .map(|c| c.last_transition_time.clone())
        .unwrap_or(now);
    out.push(Condition {
        type_: type_.to_string(),
        status: status.to_string(),
        reason: reason.to_string(),
        message: message.to_string(),
        last_transition_time: transition,
    });
    out
}

async fn patch_status(api: &Api<Bucket>, bucket: &Bucket, status: BucketStatus) -> Result<()> {
    let patch = json!({
        "apiVersion": "stowage.io/v1alpha1",
        "kind": "Bucket",
        "status": status,
    });
    api.patch_status(
        &bucket.name_any(),
        &PatchParams::apply(MANAGER).force(),
        &Patch::Apply(&patch),
    )
    .await?;
    Ok(())
}

#[instrument(skip_all, fields(bucket = %bucket.name_any()))]
pub async fn reconcile(bucket: Arc<Bucket>, ctx: Arc<Context>) -> Result<Action> {
    let _timer = ctx.metrics.duration.with_label_values(&["reconcile"]).start_timer();
    let namespace = bucket
        .namespace()
        .ok_or_else(|| Error::InvalidSpec("Bucket must be namespaced".into()))?;
    let api: Api<Bucket> = Api::namespaced(ctx.client.clone(), &namespace);
    let result = finalizer(&api, FINALIZER, bucket.clone(), |event| async {
        match event {
            Finalizer::Apply(b) => apply(b, ctx.clone()).await,
            Finalizer::Cleanup(b) => cleanup(b, ctx.clone()).await,
        }
    })
    .await
    .map_err(|e| Error::Finalizer(Box::new(e)));
    ctx.record(&bucket, result.is_ok(), result.as_ref().err().map(|e| e.to_string()))
        .await;
    ctx.metrics
        .reconciliations
        .with_label_values(&[if result.is_ok() { "ok" } else { "error" }])
        .inc();
    result
}

async fn issue_key(bucket: &Bucket, ctx: &Context) -> Result<String> {
    let name = bucket.physical_name();
    let key = ctx.stowage.create_access_key(&name).await?;
    let secret = secrets::credentials_secret(bucket, &key, &ctx.config.s3_endpoint);
    secrets::apply_credentials(ctx.client.clone(), &secret).await?;
    if !ctx.probe.can_access(&name, &bucket.spec.region, &key).await? {
        warn!(bucket = %name, "new access key cannot reach its bucket yet");
    }
    Ok(key.access_key_id)
}

async fn apply(bucket: Arc<Bucket>, ctx: Arc<Context>) -> Result<Action> {
    let namespace = bucket.namespace().unwrap_or_default();
    let api: Api<Bucket> = Api::namespaced(ctx.client.clone(), &namespace);
    let previous = bucket.status.clone().unwrap_or_default();
    if let Err(err) = validate(&bucket.spec) {
        let status = BucketStatus {
            conditions: with_condition(&previous.conditions, "Ready", "False", "InvalidSpec", &err.to_string()),
            observed_generation: bucket.metadata.generation,
            ..previous
        };
        patch_status(&api, &bucket, status).await?;
        return Ok(Action::await_change());
    }

    let name = bucket.physical_name();
    let info = match ctx.stowage.bucket_info(&name).await? {
        Some(info) => {
            if info.region != bucket.spec.region {
                return Err(Error::InvalidSpec(format!(
                    "bucket {name} exists in region {}, the region cannot be changed",
                    info.region
                )));
            }
            info
        }
        None => {
            info!(bucket = %name, region = %bucket.spec.region, "creating bucket");
            ctx.stowage
                .create_bucket(&name, &bucket.spec.region, bucket.spec.object_lock)
                .await?
        }
    };
    let quota_bytes = bucket.spec.quota_gib * GIB;
    if info.quota_bytes != quota_bytes {
        ctx.stowage.set_quota(&name, quota_bytes).await?;
    }
    if info.versioning != bucket.spec.versioning {
        ctx.stowage.set_versioning(&name, bucket.spec.versioning).await?;
    }

    let stored = secrets::current_key_id(ctx.client.clone(), &bucket).await?;
    let key_id = match (stored, previous.access_key_id.clone()) {
        (Some(stored), Some(known)) if stored == known => known,
        _ => issue_key(&bucket, &ctx).await?,
    };

    let status = BucketStatus {
        bucket_name: Some(name),
        access_key_id: Some(key_id),
        observed_generation: bucket.metadata.generation,
        conditions: with_condition(
            &previous.conditions,
            "Ready",
            "True",
            "Provisioned",
            "bucket and credentials are in place",
        ),
    };
    patch_status(&api, &bucket, status).await?;
    Ok(Action::requeue(ctx.config.requeue))
}

/// Replace the bucket's access key: issue a new one, publish it, then revoke the old one.
pub async fn rotate(bucket: Arc<Bucket>, ctx: Arc<Context>) -> Result<String> {
    let old = bucket.status.as_ref().and_then(|s| s.access_key_id.clone());
    let new_key_id = issue_key(&bucket, &ctx).await?;
    if let Some(old) = old {
        ctx.stowage.delete_access_key(&old).await?;
    }
    let api: Api<Bucket> = Api::namespaced(ctx.client.clone(), &bucket.namespace().unwrap_or_default());
    let mut status = bucket.status.clone().unwrap_or_default();
    status.access_key_id = Some(new_key_id.clone());
    patch_status(&api, &bucket, status).await?;
    Ok(new_key_id)
}

async fn cleanup(bucket: Arc<Bucket>, ctx: Arc<Context>) -> Result<Action> {
    let name = bucket.physical_name();
    if let Some(key_id) = bucket.status.as_ref().and_then(|s| s.access_key_id.clone()) {
        let _ = ctx.stowage.delete_access_key(&key_id).await;
    }
    match bucket.spec.deletion_policy {
        DeletionPolicy::Delete => {
            info!(bucket = %name, "deleting bucket");
            ctx.stowage.delete_bucket(&name, true).await?;
        }
        DeletionPolicy::Retain => {
            info!(bucket = %name, "retaining bucket; only the operator key was revoked");
        }
        DeletionPolicy::Snapshot => unimplemented!("snapshot before delete for {name}"),
    }
    let secrets: Api<Secret> = Api::namespaced(ctx.client.clone(), &bucket.namespace().unwrap_or_default());
    match secrets
        .delete(&bucket.spec.credentials_secret, &DeleteParams::default())
        .await
    {
        Ok(_) => {}
        Err(kube::Error::Api(ae)) if ae.code == 404 => {}
        Err(err) => return Err(err.into()),
    }
    Ok(Action::await_change())
}

pub fn error_policy(_bucket: Arc<Bucket>, error: &Error, ctx: Arc<Context>) -> Action {
    warn!(%error, "reconcile failed");
    ctx.metrics.failures.with_label_values(&[error.metric_label()]).inc();
    match error {
        Error::InvalidSpec(_) => Action::requeue(Duration::from_secs(600)),
        _ => Action::requeue(Duration::from_secs(30)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> BucketSpec {
        BucketSpec {
            region: "eu-central".into(),
            quota_gib: 10,
            object_lock: false,
            versioning: true,
            credentials_secret: "app-bucket".into(),
            deletion_policy: DeletionPolicy::Delete,
        }
    }

    fn assert_condition(conditions: &[Condition], type_: &str, status: &str) {
        let found = conditions
            .iter()
            .find(|c| c.type_ == type_)
            .unwrap_or_else(|| panic!("no {type_} condition in {conditions:?}"));
        assert_eq!(found.status, status, "condition {type_}");
        assert_eq!(conditions.iter().filter(|c| c.type_ == type_).count(), 1);
    }

    #[test]
    fn object_lock_requires_versioning() {
        let mut s = spec();
        s.object_lock = true;
        s.versioning = false;
        assert!(matches!(validate(&s), Err(Error::InvalidSpec(msg)) if msg.contains("versioning")));
    }

    #[test]
    fn ready_condition_replaces_previous() {
        let first = with_condition(&[], "Ready", "False", "InvalidSpec", "bad");
        let second = with_condition(&first, "Ready", "True", "Provisioned", "ok");
        assert_condition(&second, "Ready", "True");
    }

    #[test]
    fn unchanged_status_keeps_transition_time() {
        let first = with_condition(&[], "Ready", "True", "Provisioned", "ok");
        let again = with_condition(&first, "Ready", "True", "Provisioned", "ok");
        assert_eq!(first[0].last_transition_time, again[0].last_transition_time);
    }
}
