use tonic::service::Interceptor;
use tonic::{Code, Request};

use licensing::interceptors::{caller, AdminAuth, ApiKey, ApiKeyAuth};

const TEST_API_SECRET: &str = "s3cr3t-for-tests-only";
const TEST_ADMIN_TOKEN: &str = "admin-token-for-tests";

fn api_auth() -> ApiKeyAuth {
    ApiKeyAuth::new([ApiKey { key_id: "kid1".into(), secret: TEST_API_SECRET.into(), customer_id: "acme".into() }])
}

fn with_header(name: &'static str, value: &str) -> Request<()> {
    let mut request = Request::new(());
    request.metadata_mut().insert(name, value.parse().unwrap());
    request
}

#[test]
fn valid_api_key_identifies_customer() {
    let request = api_auth().call(with_header("x-api-key", &format!("kid1.{TEST_API_SECRET}"))).unwrap();
    let who = caller(&request).unwrap();
    assert_eq!(who.customer_id, "acme");
    assert!(!who.admin);
}

#[test]
fn wrong_secret_is_unauthenticated() {
    let status = api_auth().call(with_header("x-api-key", "kid1.guess")).unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);
}

#[test]
fn missing_key_is_unauthenticated() {
    assert_eq!(api_auth().call(Request::new(())).unwrap_err().code(), Code::Unauthenticated);
}

#[test]
fn admin_token_is_required() {
    let mut auth = AdminAuth::new(TEST_ADMIN_TOKEN.into());
    assert_eq!(auth.call(with_header("authorization", "Bearer nope")).unwrap_err().code(), Code::PermissionDenied);
    let request = auth.call(with_header("authorization", &format!("Bearer {TEST_ADMIN_TOKEN}"))).unwrap();
    assert!(caller(&request).unwrap().admin);
}
