use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A bucket on the Stowage object store, with an access key written to a Secret
/// in the same namespace.
#[derive(CustomResource, Deserialize, Serialize, Clone, Debug, JsonSchema)]
#[kube(
    group = "stowage.io",
    version = "v1alpha1",
    kind = "Bucket",
    namespaced,
    status = "BucketStatus",
    shortname = "bkt",
    printcolumn = r#"{"name":"Ready","type":"string","jsonPath":".status.conditions[?(@.type==\"Ready\")].status"}"#
)]
#[serde(rename_all = "camelCase")]
pub struct BucketSpec {
    /// Region on the Stowage cluster, e.g. "eu-central".
    pub region: String,
    /// Hard quota in GiB; 0 means unlimited.
    #[serde(default)]
    pub quota_gib: u64,
    /// Enable S3 object lock (WORM). Can only be set at creation.
    #[serde(default)]
    pub object_lock: bool,
    #[serde(default)]
    pub versioning: bool,
    /// Name of the Secret the operator writes the access key into.
    pub credentials_secret: String,
    #[serde(default)]
    pub deletion_policy: DeletionPolicy,
}

#[derive(Deserialize, Serialize, Clone, Copy, Debug, Default, PartialEq, Eq, JsonSchema)]
pub enum DeletionPolicy {
    /// Delete the bucket and its access keys with the resource.
    #[default]
    Delete,
    /// Keep the bucket, revoke the operator-issued key.
    Retain,
    /// Snapshot the bucket to the archive tier, then delete it.
    Snapshot,
}

#[derive(Deserialize, Serialize, Clone, Debug, Default, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BucketStatus {
    pub bucket_name: Option<String>,
    pub access_key_id: Option<String>,
    pub observed_generation: Option<i64>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    #[serde(rename = "type")]
    pub type_: String,
    pub status: String,
    pub reason: String,
    pub message: String,
    pub last_transition_time: String,
}

impl Bucket {
    /// The physical bucket name: namespace and name, DNS-safe.
    pub fn physical_name(&self) -> String {
        let ns = self.metadata.namespace.as_deref().unwrap_or("default");
        let name = self.metadata.name.as_deref().unwrap_or("unnamed");
        format!("k8s-{ns}-{name}").to_lowercase().replace('_', "-")
    }
}
