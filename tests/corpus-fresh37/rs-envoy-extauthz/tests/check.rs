use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use envoy_types::ext_authz::v3::pb::{Authorization, CheckRequest, CheckResponse, HttpResponse};
use envoy_types::pb::envoy::service::auth::v3::attribute_context::{
    HttpRequest, Request as AttrRequest,
};
use envoy_types::pb::envoy::service::auth::v3::AttributeContext;
use hmac::{Hmac, Mac};
use jsonwebtoken::jwk::JwkSet;
use sha2::Sha256;

use envoy_extauthz::cache::DecisionCache;
use envoy_extauthz::config::{ApiKeyConfig, JwtConfig};
use envoy_extauthz::credentials::{string_to_sign, unix_now, ApiKeyStore};
use envoy_extauthz::jwt::JwtVerifier;
use envoy_extauthz::ldap::Directory;
use envoy_extauthz::policy::PolicyTable;
use envoy_extauthz::service::AuthzService;

const HMAC_SECRET: &[u8] = b"test-hmac-secret";
const API_KEY: &str = "partner-a.test-key-secret";

struct FakeDirectory {
    calls: AtomicUsize,
}

#[tonic::async_trait]
impl Directory for FakeDirectory {
    async fn authenticate(&self, user: &str, password: &str) -> anyhow::Result<Option<String>> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        Ok((user == "alice" && password == "correct-horse")
            .then(|| "uid=alice,ou=people,dc=test".to_string()))
    }
}

fn service(directory: Arc<FakeDirectory>) -> AuthzService {
    let jwt_config = JwtConfig {
        jwks_url: "https://login.test/jwks".into(),
        issuer: "https://login.test/".into(),
        audience: "api-gateway".into(),
        refresh_seconds: 300,
    };
    AuthzService {
        policies: Arc::new(ArcSwap::from_pointee(PolicyTable::new(Vec::new()))),
        api_keys: ApiKeyStore::new(
            &[ApiKeyConfig {
                id: "partner-a".into(),
                secret_env: "UNUSED".into(),
                scopes: vec!["orders".into()],
            }],
            &HashMap::from([("partner-a".to_string(), "test-key-secret".to_string())]),
        ),
        hmac_secrets: HashMap::from([("payments-core".to_string(), HMAC_SECRET.to_vec())]),
        jwt: Arc::new(JwtVerifier::with_keys(
            jwt_config,
            JwkSet { keys: Vec::new() },
        )),
        directory,
        cache: Arc::new(DecisionCache::new(Duration::from_secs(60), 100)),
    }
}

fn fake_directory() -> Arc<FakeDirectory> {
    Arc::new(FakeDirectory {
        calls: AtomicUsize::new(0),
    })
}

fn check_request(
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> tonic::Request<CheckRequest> {
    tonic::Request::new(CheckRequest {
        attributes: Some(AttributeContext {
            request: Some(AttrRequest {
                http: Some(HttpRequest {
                    method: method.into(),
                    path: path.into(),
                    headers: headers
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }),
    })
}

fn assert_allowed(response: &CheckResponse, subject: &str) {
    assert_eq!(response.status.as_ref().map(|s| s.code), Some(0));
    let Some(HttpResponse::OkResponse(ok)) = &response.http_response else {
        panic!("expected an OK response, got {response:?}");
    };
    let header = ok
        .headers
        .iter()
        .find_map(|h| h.header.as_ref())
        .expect("subject header");
    assert_eq!(header.value, subject);
}

fn assert_denied(response: &CheckResponse, http_status: i32) {
    let Some(HttpResponse::DeniedResponse(denied)) = &response.http_response else {
        panic!("expected a denial, got {response:?}");
    };
    assert_eq!(denied.status.as_ref().map(|s| s.code), Some(http_status));
}

#[tokio::test]
async fn api_key_with_scope_is_allowed() {
    let response = service(fake_directory())
        .check(check_request(
            "GET",
            "/v1/orders/42",
            &[("x-api-key", API_KEY)],
        ))
        .await
        .unwrap()
        .into_inner();
    assert_allowed(&response, "apikey:partner-a");
}

#[tokio::test]
async fn wrong_api_key_is_rejected() {
    let response = service(fake_directory())
        .check(check_request(
            "GET",
            "/v1/orders/42",
            &[("x-api-key", "partner-a.nope")],
        ))
        .await
        .unwrap()
        .into_inner();
    assert_denied(&response, 401);
}

#[tokio::test]
async fn signed_payment_request_is_allowed() {
    let timestamp = unix_now().to_string();
    let mut mac = Hmac::<Sha256>::new_from_slice(HMAC_SECRET).unwrap();
    mac.update(string_to_sign("POST", "/v1/payments/settle", &timestamp).as_bytes());
    let signature = hex::encode(mac.finalize().into_bytes());

    let response = service(fake_directory())
        .check(check_request(
            "POST",
            "/v1/payments/settle",
            &[
                ("x-client-id", "payments-core"),
                ("x-timestamp", &timestamp),
                ("x-signature", &signature),
            ],
        ))
        .await
        .unwrap()
        .into_inner();
    assert_allowed(&response, "client:payments-core");
}

#[tokio::test]
async fn basic_credentials_are_cached() {
    let directory = fake_directory();
    let svc = service(directory.clone());
    let header = format!("Basic {}", B64.encode("alice:correct-horse"));
    for _ in 0..3 {
        let response = svc
            .check(check_request(
                "GET",
                "/legacy/report",
                &[("authorization", &header)],
            ))
            .await
            .unwrap()
            .into_inner();
        assert_allowed(&response, "uid=alice,ou=people,dc=test");
    }
    assert_eq!(directory.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn admin_routes_need_a_jwt() {
    let response = service(fake_directory())
        .check(check_request("DELETE", "/admin/keys/7", &[]))
        .await;
    println!("{response:?}");
}

#[tokio::test]
async fn missing_http_attributes_are_an_error() {
    let status = service(fake_directory())
        .check(tonic::Request::new(CheckRequest::default()))
        .await
        .unwrap_err();
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
}
