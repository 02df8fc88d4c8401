//! Reading the admin credentials and writing per-bucket credential Secrets.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::Secret;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::OwnerReference;
use k8s_openapi::ByteString;
use kube::api::{ObjectMeta, Patch, PatchParams};
use kube::{Api, Client, Resource, ResourceExt};

use crate::crd::Bucket;
use crate::error::{Error, Result};
use crate::stowage::AccessKey;

pub const MANAGER: &str = "stowage-operator";
const SERVICE_ACCOUNT_NAMESPACE: &str = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

/// The namespace the operator runs in, as mounted by the kubelet.
pub fn own_namespace() -> Option<String> {
    std::fs::read_to_string(SERVICE_ACCOUNT_NAMESPACE)
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn field(secret: &Secret, key: &str) -> Option<String> {
    secret
        .data
        .as_ref()
        .and_then(|d| d.get(key))
        .and_then(|b| String::from_utf8(b.0.clone()).ok())
}

/// Admin key pair from `namespace/name` (keys `keyId` and `key`).
pub async fn admin_credentials(client: Client, namespace: &str, name: &str) -> Result<Option<(String, String)>> {
    let api: Api<Secret> = Api::namespaced(client, namespace);
    let Some(secret) = api.get_opt(name).await? else {
        return Ok(None);
    };
    match (field(&secret, "keyId"), field(&secret, "key")) {
        (Some(id), Some(key)) => Ok(Some((id, key))),
        _ => Err(Error::Secret {
            namespace: namespace.to_string(),
            name: name.to_string(),
            reason: "expected keys keyId and key".to_string(),
        }),
    }
}

pub fn owner_reference(bucket: &Bucket) -> OwnerReference {
    bucket
        .controller_owner_ref(&())
        .expect("Bucket objects from the API server always have a uid")
}

/// The credentials Secret for `bucket`, owned by it so that deleting the Bucket removes it.
pub fn credentials_secret(bucket: &Bucket, key: &AccessKey, s3_endpoint: &str) -> Secret {
    let mut data = BTreeMap::new();
    data.insert(
        "AWS_ACCESS_KEY_ID".to_string(),
        ByteString(key.access_key_id.clone().into_bytes()),
    );
    data.insert(
        "AWS_SECRET_ACCESS_KEY".to_string(),
        ByteString(key.secret_access_key.clone().into_bytes()),
    );
    data.insert(
        "AWS_ENDPOINT_URL_S3".to_string(),
        ByteString(s3_endpoint.as_bytes().to_vec()),
    );
    data.insert(
        "AWS_REGION".to_string(),
        ByteString(bucket.spec.region.clone().into_bytes()),
    );
    data.insert(
        "BUCKET_NAME".to_string(),
        ByteString(bucket.physical_name().into_bytes()),
    );
    let mut labels = BTreeMap::new();
    labels.insert("app.kubernetes.io/managed-by".to_string(), MANAGER.to_string());
    labels.insert("stowage.io/bucket".to_string(), bucket.name_any());
    Secret {
        metadata: ObjectMeta {
            name: Some(bucket.spec.credentials_secret.clone()),
            namespace: bucket.namespace(),
            labels: Some(labels),
            owner_references: Some(vec![owner_reference(bucket)]),
            ..ObjectMeta::default()
        },
        type_: Some("Opaque".to_string()),
        data: Some(data),
        ..Secret::default()
    }
}

pub async fn apply_credentials(client: Client, secret: &Secret) -> Result<()> {
    let namespace = secret.metadata.namespace.as_deref().unwrap_or("default");
    let name = secret.metadata.name.as_deref().unwrap_or_default();
    let api: Api<Secret> = Api::namespaced(client, namespace);
    api.patch(name, &PatchParams::apply(MANAGER).force(), &Patch::Apply(secret))
        .await?;
    Ok(())
}

/// Key id currently stored in the bucket's credentials Secret, if the Secret exists.
pub async fn current_key_id(client: Client, bucket: &Bucket) -> Result<Option<String>> {
    let api: Api<Secret> = Api::namespaced(client, &bucket.namespace().unwrap_or_default());
    Ok(api
        .get_opt(&bucket.spec.credentials_secret)
        .await?
        .and_then(|s| field(&s, "AWS_ACCESS_KEY_ID")))
}

pub fn kind_label() -> String {
    format!("{}.{}", Bucket::kind(&()), Bucket::group(&()))
}
