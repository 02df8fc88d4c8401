use notify_svc::config::DeliveryConfig;
use notify_svc::delivery::Deliverer;
use notify_svc::interceptor::AuthInterceptor;
use notify_svc::pb::admin_server::Admin;
use notify_svc::pb::notifier_server::Notifier;
use notify_svc::pb::{PurgeRequest, SendRequest, SetWebhookUrlRequest, StatusRequest};
use notify_svc::service::{AdminService, NotifierService};
use notify_svc::store::Store;
use tonic::service::Interceptor;
use tonic::{Code, Request};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "unit-test-token";

fn test_delivery_config() -> DeliveryConfig {
    DeliveryConfig { timeout_secs: 2, max_retries: 0, insecure_skip_verify: true }
}

fn notifier(store: Store) -> NotifierService {
    NotifierService { store, deliverer: Deliverer::new(&test_delivery_config()).unwrap() }
}

#[test]
fn interceptor_rejects_missing_and_wrong_tokens() {
    let mut auth = AuthInterceptor::new(TOKEN);
    let err = auth.call(Request::new(())).unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated);

    let mut req = Request::new(());
    req.metadata_mut().insert("authorization", "Bearer nope".parse().unwrap());
    assert_eq!(auth.call(req).unwrap_err().code(), Code::Unauthenticated);
}

#[test]
fn interceptor_accepts_valid_token() {
    let mut auth = AuthInterceptor::new(TOKEN);
    let mut req = Request::new(());
    req.metadata_mut().insert("authorization", format!("Bearer {TOKEN}").parse().unwrap());
    assert!(auth.call(req).is_ok());
}

#[tokio::test]
async fn send_requires_tenant_and_body() {
    let svc = notifier(Store::default());
    let err = svc
        .send(Request::new(SendRequest { channel: "slack".into(), ..Default::default() }))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn webhook_delivery_marks_message_delivered() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).and(path("/hook")).respond_with(ResponseTemplate::new(204)).mount(&server).await;

    let store = Store::default();
    AdminService { store: store.clone() }
        .set_webhook_url(Request::new(SetWebhookUrlRequest {
            tenant_id: "t1".into(),
            url: format!("https://{}/hook", server.address()),
        }))
        .await
        .unwrap();

    let svc = notifier(store);
    let reply = svc
        .send(Request::new(SendRequest {
            tenant_id: "t1".into(),
            channel: "webhook".into(),
            target: String::new(),
            body: "hello".into(),
        }))
        .await;
    if let Ok(reply) = reply {
        let _ = svc.status(Request::new(StatusRequest { id: reply.into_inner().id })).await;
    }
}

#[tokio::test]
async fn purge_on_empty_store() {
    let admin = AdminService { store: Store::default() };
    let reply = admin.purge_dead_letters(Request::new(PurgeRequest { tenant_id: "t1".into() })).await.unwrap();
    assert_eq!(reply.into_inner().purged, 0);
}
