use std::sync::Arc;

use tonic::{Code, Request, Status};

use licensing::interceptors::Caller;
use licensing::pb::licensing_server::Licensing;
use licensing::pb::{IssueRequest, RevokeRequest, VerifyRequest};
use licensing::service::{LicensingService, QuotaSource};
use licensing::signing::LicenseSigner;
use licensing::store::Store;

const TEST_SEED_HEX: &str = "0707070707070707070707070707070707070707070707070707070707070707";

struct FixedQuota(i64);

#[tonic::async_trait]
impl QuotaSource for FixedQuota {
    async fn max_seats(&self, _customer_id: &str, _product: &str) -> Result<i64, Status> {
        Ok(self.0)
    }
}

async fn service(quota: i64) -> LicensingService {
    LicensingService {
        store: Store::open("sqlite::memory:").await.unwrap(),
        signer: Arc::new(LicenseSigner::from_seed_hex(TEST_SEED_HEX, "k-test").unwrap()),
        quotas: Arc::new(FixedQuota(quota)),
        publisher: None,
        reporter: None,
    }
}

fn as_customer<T>(customer_id: &str, message: T) -> Request<T> {
    let mut request = Request::new(message);
    request.extensions_mut().insert(Caller {
        customer_id: customer_id.into(),
        key_id: format!("kid-{customer_id}"),
        admin: false,
    });
    request
}

fn issue(customer_id: &str, seats: u32) -> IssueRequest {
    IssueRequest { customer_id: customer_id.into(), product: "studio".into(), seats, ttl_days: 30 }
}

fn expect_code<T: std::fmt::Debug>(result: Result<T, Status>, code: Code) {
    match result {
        Ok(value) => panic!("expected {code:?}, got {value:?}"),
        Err(status) => assert_eq!(status.code(), code, "{}", status.message()),
    }
}

#[tokio::test]
async fn verify_accepts_issued_license() {
    let svc = service(10).await;
    let license = svc.issue(as_customer("acme", issue("acme", 3))).await.unwrap().into_inner();
    let _ = svc.verify(Request::new(VerifyRequest { token: license.token })).await;
}

#[tokio::test]
async fn issue_for_another_customer_is_denied() {
    let svc = service(10).await;
    expect_code(svc.issue(as_customer("acme", issue("globex", 1))).await, Code::PermissionDenied);
}

#[tokio::test]
async fn quota_is_enforced() {
    let svc = service(5).await;
    svc.issue(as_customer("acme", issue("acme", 4))).await.unwrap();
    expect_code(svc.issue(as_customer("acme", issue("acme", 2))).await, Code::ResourceExhausted);
}

#[tokio::test]
async fn revoked_license_fails_verification() {
    let svc = service(10).await;
    let license = svc.issue(as_customer("acme", issue("acme", 1))).await.unwrap().into_inner();
    svc.revoke(as_customer("acme", RevokeRequest { license_id: license.id.clone(), reason: "refund".into() }))
        .await
        .unwrap();
    let verdict = svc.verify(Request::new(VerifyRequest { token: license.token })).await.unwrap().into_inner();
    assert!(!verdict.valid);
    assert_eq!(verdict.reason, "revoked");
}

#[tokio::test]
async fn tampered_token_is_invalid() {
    let svc = service(10).await;
    let license = svc.issue(as_customer("acme", issue("acme", 1))).await.unwrap().into_inner();
    let tampered = license.token.replacen('e', "f", 1);
    let verdict = svc.verify(Request::new(VerifyRequest { token: tampered })).await.unwrap().into_inner();
    assert!(!verdict.valid);
}
