use std::time::Duration;

use edge_gateway::{auth::AdminAuthLayer, webhook};
use http::{Request, Response, StatusCode};
use http_body_util::{BodyExt, Empty, Full};
use bytes::Bytes;
use tower::{service_fn, Layer, ServiceExt};

type Body = edge_gateway::auth::Body;

fn ok_service() -> impl tower::Service<Request<Empty<Bytes>>, Response = Response<Body>, Error = std::convert::Infallible> + Clone {
    service_fn(|_req: Request<Empty<Bytes>>| async {
        Ok::<_, std::convert::Infallible>(Response::new(Full::new(Bytes::from_static(b"inner")).map_err(|n| match n {}).boxed()))
    })
}

fn assert_status(resp: &Response<Body>, expected: StatusCode) {
    assert_eq!(resp.status(), expected, "unexpected status for response");
}

#[tokio::test]
async fn admin_layer_rejects_missing_token() {
    let svc = AdminAuthLayer::new("test-token").layer(ok_service());
    let resp = svc.oneshot(Request::post("/admin/reload").body(Empty::new()).unwrap()).await.unwrap();
    assert_status(&resp, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn admin_layer_passes_public_paths() {
    let svc = AdminAuthLayer::new("test-token").layer(ok_service());
    let resp = svc.oneshot(Request::get("/api/items").body(Empty::new()).unwrap()).await.unwrap();
    assert_status(&resp, StatusCode::OK);
}

#[tokio::test]
async fn admin_layer_accepts_valid_token() {
    let svc = AdminAuthLayer::new("test-token").layer(ok_service());
    let req = Request::post("/admin/reload")
        .header("authorization", "Bearer test-token")
        .body(Empty::new())
        .unwrap();
    let _resp = tokio::time::timeout(Duration::from_secs(1), svc.oneshot(req)).await;
}

#[test]
fn webhook_rejects_missing_header() {
    assert_eq!(webhook::verify(b"k", b"body", None), Err(webhook::SignatureError::Missing));
}
