use std::path::PathBuf;
use std::sync::Arc;

use arrow_flight::{Action, ActionType};
use bytes::Bytes;
use tonic::Status;

use crate::auth::{Claims, Role};
use crate::catalog::CatalogClient;
use crate::store::{DatasetStore, StoreError};

pub struct ActionContext {
    pub store: Arc<DatasetStore>,
    pub catalog: Arc<CatalogClient>,
    pub export_dir: PathBuf,
}

/// Advertised by list_actions, with the minimum role each one needs.
pub const ACTIONS: &[(&str, &str, Role)] = &[
    ("drop-dataset", "Delete a dataset and its file", Role::Admin),
    (
        "compact",
        "Merge the small record batches of a dataset",
        Role::Writer,
    ),
    (
        "export",
        "Write a dataset to Parquet in the export directory",
        Role::Writer,
    ),
    (
        "refresh-catalog",
        "Re-register a dataset with the metadata catalog",
        Role::Writer,
    ),
];

/// Actions sent by sibling nodes; they authenticate with the shared peer secret.
pub const PEER_ACTIONS: &[&str] = &["peer-invalidate"];

pub fn action_types() -> Vec<ActionType> {
    ACTIONS
        .iter()
        .map(|(name, description, _)| ActionType {
            r#type: name.to_string(),
            description: description.to_string(),
        })
        .collect()
}

pub fn required_role(action: &str) -> Option<Role> {
    ACTIONS
        .iter()
        .find(|(name, _, _)| *name == action)
        .map(|(_, _, role)| *role)
}

fn to_status(err: StoreError) -> Status {
    match err {
        StoreError::NotFound(_) => Status::not_found(err.to_string()),
        StoreError::InvalidName(_) | StoreError::SchemaMismatch(_) => {
            Status::invalid_argument(err.to_string())
        }
        _ => Status::internal(err.to_string()),
    }
}

pub async fn run(
    ctx: &ActionContext,
    action: Action,
    claims: Option<&Claims>,
) -> Result<Vec<Bytes>, Status> {
    let dataset = String::from_utf8(action.body.to_vec())
        .map_err(|_| Status::invalid_argument("action body must be a UTF-8 dataset name"))?;
    let who = claims.map(|c| c.user.as_str()).unwrap_or("peer");
    tracing::info!(action = %action.r#type, dataset = %dataset, user = who, "do_action");

    match action.r#type.as_str() {
        "drop-dataset" => {
            ctx.store.drop_dataset(&dataset).map_err(to_status)?;
            if let Err(err) = ctx.catalog.unregister(&dataset).await {
                tracing::warn!(%dataset, %err, "dataset dropped but still listed in the catalog");
            }
            Ok(vec![Bytes::from(format!("dropped {dataset}"))])
        }
        "compact" => Err(Status::unimplemented("compaction is not implemented yet")),
        "export" => {
            let path = ctx
                .store
                .export_parquet(&dataset, &ctx.export_dir)
                .map_err(to_status)?;
            Ok(vec![Bytes::from(path.display().to_string())])
        }
        "refresh-catalog" => {
            let summary = ctx.store.summary(&dataset).map_err(to_status)?;
            ctx.catalog
                .register(&dataset, summary.rows)
                .await
                .map_err(|e| Status::unavailable(e.to_string()))?;
            Ok(vec![Bytes::from(summary.rows.to_string())])
        }
        "peer-invalidate" => {
            // A sibling rewrote the shared file; pick up its copy.
            ctx.store.reload(&dataset).map_err(to_status)?;
            Ok(vec![])
        }
        other => Err(Status::invalid_argument(format!("unknown action {other}"))),
    }
}
