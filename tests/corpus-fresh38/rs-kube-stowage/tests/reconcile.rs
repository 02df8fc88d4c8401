use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use stowage_operator::crd::{Bucket, BucketSpec, DeletionPolicy};
use stowage_operator::secrets::{credentials_secret, owner_reference};
use stowage_operator::stowage::AccessKey;

fn bucket(name: &str, uid: Option<&str>) -> Bucket {
    let mut b = Bucket::new(
        name,
        BucketSpec {
            region: "eu-central".into(),
            quota_gib: 5,
            object_lock: false,
            versioning: false,
            credentials_secret: format!("{name}-s3"),
            deletion_policy: DeletionPolicy::Delete,
        },
    );
    b.metadata = ObjectMeta {
        name: Some(name.into()),
        namespace: Some("team-a".into()),
        uid: uid.map(str::to_string),
        ..ObjectMeta::default()
    };
    b
}

fn test_key() -> AccessKey {
    AccessKey {
        access_key_id: "STWTESTKEY0001".into(),
        secret_access_key: "test-secret-key".into(),
    }
}

#[test]
fn physical_name_is_dns_safe() {
    assert_eq!(
        bucket("Media_Uploads", Some("u-1")).physical_name(),
        "k8s-team-a-media-uploads"
    );
}

#[test]
fn builds_credentials_secret() {
    let b = bucket("media", Some("3f6c1a52-0d1e-4c55-9a0e-4b7f2a3b9c10"));
    let secret = credentials_secret(&b, &test_key(), "https://s3.stowage.test");
    println!("{:?}", secret.metadata.name);
}

#[test]
#[should_panic(expected = "uid")]
fn owner_reference_needs_a_uid() {
    owner_reference(&bucket("media", None));
}

#[tokio::test]
async fn credentials_secret_is_owned_by_the_bucket() {
    let b = bucket("reports", Some("9d0e7c4b-5a61-4f8e-b2d3-1c0a9e8f7b65"));
    let secret = tokio::task::spawn_blocking(move || credentials_secret(&b, &test_key(), "https://s3.stowage.test"))
        .await
        .expect("join");
    let owners = secret.metadata.owner_references.expect("owner references");
    assert_eq!(owners.len(), 1);
    assert_eq!(owners[0].kind, "Bucket");
    assert_eq!(owners[0].controller, Some(true));
    let data = secret.data.expect("data");
    assert_eq!(data["BUCKET_NAME"].0, b"k8s-team-a-reports".to_vec());
}
