//! End-to-end tests against a real Redis (set LICENSING_TEST_REDIS, e.g. redis://127.0.0.1:6379/15).

use std::sync::Arc;

use futures::StreamExt;
use tarpc::server::{BaseChannel, Channel};
use tarpc::{client, context};

use licensing::auth::TokenCheck;
use licensing::keys::KeySigner;
use licensing::mail::LogMailer;
use licensing::server::LicensingServer;
use licensing::store::Store;
use licensing::{IssueRequest, Licensing, LicensingClient, RpcError, Validity};

const TEST_TOKEN: &str = "test-admin-token";

async fn client() -> Option<LicensingClient> {
    let url = std::env::var("LICENSING_TEST_REDIS").ok()?;
    let store = Store::connect(&url).await.expect("redis reachable");
    let server = LicensingServer::new(
        TokenCheck::new(TEST_TOKEN),
        KeySigner::from_bytes(&[7u8; 32]),
        store,
        Arc::new(LogMailer),
    );
    let (client_side, server_side) = tarpc::transport::channel::unbounded();
    tokio::spawn(
        BaseChannel::with_defaults(server_side)
            .execute(server.serve())
            .for_each(|fut| async { tokio::spawn(fut); }),
    );
    Some(LicensingClient::new(client::Config::default(), client_side).spawn())
}

fn request(customer: &str) -> IssueRequest {
    IssueRequest { customer: customer.into(), contact_email: "ops@acme.test".into(), seats: 3, valid_days: 30 }
}

fn expect_unauthorized<T: std::fmt::Debug>(res: Result<T, RpcError>) {
    match res {
        Err(RpcError::Unauthorized) => {}
        other => panic!("expected Unauthorized, got {other:?}"),
    }
}

#[tokio::test]
async fn issue_then_validate() {
    let Some(client) = client().await else { return };
    let license = client.issue(context::current(), TEST_TOKEN.into(), request("acme")).await.unwrap().unwrap();
    let validity = client.validate(context::current(), license.key.clone()).await.unwrap();
    assert_eq!(validity, Validity::Valid { seats: 3, expires_on: license.expires_on });
}

#[tokio::test]
async fn issue_requires_token() {
    let Some(client) = client().await else { return };
    expect_unauthorized(client.issue(context::current(), "wrong".into(), request("acme")).await.unwrap());
}

#[tokio::test]
async fn extend_pushes_expiry() {
    let Some(client) = client().await else { return };
    let license = client.issue(context::current(), TEST_TOKEN.into(), request("globex")).await.unwrap().unwrap();
    let _ = client.extend(context::current(), TEST_TOKEN.into(), license.key, 10).await;
}

#[tokio::test]
async fn tampered_key_is_unknown() {
    let Some(client) = client().await else { return };
    let license = client.issue(context::current(), TEST_TOKEN.into(), request("initech")).await.unwrap().unwrap();
    let mut key = license.key.clone();
    key.replace_range(4..5, if &key[4..5] == "0" { "1" } else { "0" });
    assert_eq!(client.validate(context::current(), key).await.unwrap(), Validity::Unknown);
}
