use std::sync::Arc;
use std::time::Duration;

use arrow_array::{Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_flight::Action;
use arrow_schema::{DataType, Field, Schema};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use flight_metrics::auth::{Authenticator, Role, UserRecord};
use flight_metrics::store::DatasetStore;
use tonic::metadata::MetadataValue;
use tonic::{Code, Request, Status};

const PASSWORD: &str = "test-password";
const SIGNING_KEY: &[u8] = b"test-signing-key-0123456789abcdef";

fn authenticator() -> Authenticator {
    let users = vec![
        UserRecord {
            name: "reader".into(),
            salt: "s1".into(),
            password_sha256: Authenticator::hash_password("s1", PASSWORD),
            role: Role::Reader,
        },
        UserRecord {
            name: "ops".into(),
            salt: "s2".into(),
            password_sha256: Authenticator::hash_password("s2", PASSWORD),
            role: Role::Admin,
        },
    ];
    Authenticator::new(users, SIGNING_KEY.to_vec(), Duration::from_secs(300))
}

fn basic(user: &str, password: &str) -> Request<()> {
    let mut req = Request::new(());
    let value = format!("Basic {}", STANDARD.encode(format!("{user}:{password}")));
    req.metadata_mut()
        .insert("authorization", MetadataValue::try_from(value).unwrap());
    req
}

fn bearer<T>(inner: T, token: &str) -> Request<T> {
    let mut req = Request::new(inner);
    req.metadata_mut().insert(
        "authorization",
        MetadataValue::try_from(format!("Bearer {token}")).unwrap(),
    );
    req
}

fn assert_unauthenticated<T: std::fmt::Debug>(result: Result<T, Status>) {
    let status = result.expect_err("call should have been rejected");
    assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
}

fn sample_batch() -> RecordBatch {
    let schema = Arc::new(Schema::new(vec![
        Field::new("ts", DataType::Int64, false),
        Field::new("service", DataType::Utf8, false),
        Field::new("p99_ms", DataType::Float64, false),
    ]));
    RecordBatch::try_new(
        schema,
        vec![
            Arc::new(Int64Array::from(vec![1_717_000_000_000, 1_717_000_060_000])),
            Arc::new(StringArray::from(vec!["checkout", "checkout"])),
            Arc::new(Float64Array::from(vec![182.5, 176.0])),
        ],
    )
    .unwrap()
}

#[tokio::test]
async fn login_issues_a_verifiable_token() {
    let auth = authenticator();
    let (token, claims) = auth.login(basic("ops", PASSWORD).metadata()).unwrap();
    assert_eq!(claims.role, Role::Admin);
    assert_eq!(auth.verify(&token).unwrap().user, "ops");
}

#[tokio::test]
async fn login_rejects_a_wrong_password() {
    let auth = authenticator();
    assert_unauthenticated(auth.login(basic("ops", "nope").metadata()));
}

#[tokio::test]
async fn tampered_tokens_are_rejected() {
    let auth = authenticator();
    let (token, _) = auth.login(basic("reader", PASSWORD).metadata()).unwrap();
    let forged = token.replacen("reader", "admin", 1);
    assert_unauthenticated(auth.verify(&forged));
}

#[tokio::test]
async fn readers_cannot_drop_datasets() {
    let auth = authenticator();
    let (token, _) = auth.login(basic("reader", PASSWORD).metadata()).unwrap();
    let req = bearer(Action::new("drop-dataset", "checkout_latency"), &token);
    let err = auth.authorize(&req, Role::Admin).unwrap_err();
    assert_eq!(err.code(), Code::PermissionDenied);
}

#[tokio::test]
async fn store_round_trips_through_disk() {
    let dir = tempfile::tempdir().unwrap();
    let store = DatasetStore::open(dir.path()).unwrap();
    store
        .append("checkout_latency", vec![sample_batch()])
        .unwrap();
    store.persist("checkout_latency").unwrap();

    let reopened = DatasetStore::open(dir.path()).unwrap();
    assert_eq!(reopened.summary("checkout_latency").unwrap().rows, 2);
}

#[tokio::test]
async fn do_get_streams_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let store = DatasetStore::open(dir.path()).unwrap();
    store
        .append("checkout_latency", vec![sample_batch()])
        .unwrap();
    let (_schema, batches) = store.read_batches("checkout_latency", None).unwrap();
    for batch in &batches {
        println!("{} rows", batch.num_rows());
    }
}

#[test]
fn action_catalogue_is_stable() {
    let names: Vec<_> = flight_metrics::actions::action_types()
        .into_iter()
        .map(|a| a.r#type)
        .collect();
    assert_eq!(
        names,
        vec!["drop-dataset", "compact", "export", "refresh-catalog"]
    );
}
