use std::sync::{Arc, Mutex};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio_tungstenite::tungstenite::handshake::server::{Callback, ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::http::StatusCode;

use dispatch_ws::auth::{Authenticator, Role, Session};
use dispatch_ws::handshake::{Handshake, SUBPROTOCOL};

const TEST_SIGNING_KEY: &[u8] = b"integration-test-key-not-secret";
const TEST_BRIDGE_TOKEN: &str = "bridge-token-for-tests";

fn sign(claims: serde_json::Value) -> String {
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap());
    let mut mac = Hmac::<Sha256>::new_from_slice(TEST_SIGNING_KEY).unwrap();
    mac.update(payload.as_bytes());
    format!("{payload}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

fn handshake(origins: &[&str]) -> (Handshake, Arc<Mutex<Option<Session>>>) {
    let slot = Arc::new(Mutex::new(None));
    let auth = Authenticator::new(TEST_SIGNING_KEY.to_vec(), "https://id.test".into(), TEST_BRIDGE_TOKEN.into());
    let hs = Handshake {
        auth: Arc::new(auth),
        allowed_origins: Arc::new(origins.iter().map(|s| s.to_string()).collect()),
        slot: slot.clone(),
    };
    (hs, slot)
}

fn upgrade(path: &str, headers: &[(&str, &str)]) -> Request {
    let mut builder = Request::builder().uri(format!("ws://localhost:9000{path}"));
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    builder.body(()).unwrap()
}

fn assert_rejected(result: Result<Response, ErrorResponse>, status: StatusCode) {
    match result {
        Ok(_) => panic!("handshake unexpectedly accepted"),
        Err(resp) => assert_eq!(resp.status(), status),
    }
}

fn technician_token() -> String {
    sign(serde_json::json!({
        "sub": "tech-4",
        "iss": "https://id.test",
        "role": "technician",
        "regions": ["north"],
        "exp": chrono::Utc::now().timestamp() + 300,
    }))
}

#[test]
fn accepts_technician_with_valid_token() {
    let (hs, slot) = handshake(&[]);
    let bearer = format!("Bearer {}", technician_token());
    let req = upgrade("/ws", &[("authorization", bearer.as_str()), ("sec-websocket-protocol", SUBPROTOCOL)]);
    let resp = hs.on_request(&req, Response::new(())).expect("accepted");
    assert_eq!(resp.headers()["sec-websocket-protocol"], SUBPROTOCOL);
    let session = slot.lock().unwrap().take().unwrap();
    assert_eq!(session.role, Role::Technician);
    assert!(session.can_view("north") && !session.can_view("south"));
}

#[test]
fn rejects_missing_token() {
    let (hs, _) = handshake(&[]);
    assert_rejected(hs.on_request(&upgrade("/ws", &[]), Response::new(())), StatusCode::UNAUTHORIZED);
}

#[test]
fn rejects_foreign_origin() {
    let (hs, slot) = handshake(&["https://dispatch.fieldops.example"]);
    let bearer = format!("Bearer {}", technician_token());
    let req = upgrade("/ws", &[("authorization", bearer.as_str()), ("origin", "https://evil.example")]);
    assert_rejected(hs.on_request(&req, Response::new(())), StatusCode::FORBIDDEN);
    assert!(slot.lock().unwrap().is_none());
}

#[test]
fn bridge_requires_its_token() {
    let (hs, _) = handshake(&[]);
    assert_rejected(
        hs.on_request(&upgrade("/bridge", &[("x-bridge-token", "guess")]), Response::new(())),
        StatusCode::UNAUTHORIZED,
    );
    let (hs, slot) = handshake(&[]);
    hs.on_request(&upgrade("/bridge", &[("x-bridge-token", TEST_BRIDGE_TOKEN)]), Response::new(())).unwrap();
    assert_eq!(slot.lock().unwrap().as_ref().map(|s| s.role), Some(Role::Bridge));
}
