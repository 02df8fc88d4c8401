use std::sync::{Arc, RwLock};

use libp2p::identity::Keypair;
use libp2p::PeerId;
use meshcfg::acl::{Acl, Role};
use meshcfg::handler::Handler;
use meshcfg::protocol::{Request, Response};
use meshcfg::store::Store;

struct Fixture {
    handler: Handler,
    writer: PeerId,
    operator: PeerId,
    stranger: PeerId,
    _dir: tempfile::TempDir,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("records.redb")).unwrap();
    let writer = Keypair::generate_ed25519().public().to_peer_id();
    let operator = Keypair::generate_ed25519().public().to_peer_id();
    let stranger = Keypair::generate_ed25519().public().to_peer_id();
    let mut acl = Acl::default();
    acl.grant(writer, Role::Writer);
    acl.grant(operator, Role::Operator);
    Fixture {
        handler: Handler::new(store, Arc::new(RwLock::new(acl))),
        writer,
        operator,
        stranger,
        _dir: dir,
    }
}

fn put(key: &str, value: &[u8], expected_version: u64) -> Request {
    Request::PutRecord {
        key: key.into(),
        value: value.to_vec(),
        expected_version,
    }
}

fn assert_denied(response: &Response) {
    assert!(
        matches!(response, Response::Denied { .. }),
        "expected Denied, got {response:?}"
    );
}

#[tokio::test]
async fn strangers_are_denied() {
    let mut f = fixture();
    let (response, effects) = f
        .handler
        .handle_request(f.stranger, put("app/flags", b"{}", 0));
    assert_denied(&response);
    assert!(effects.announce.is_none());
}

#[tokio::test]
async fn put_announces_new_version() {
    let mut f = fixture();
    let (response, effects) = f
        .handler
        .handle_request(f.writer, put("app/flags", b"{\"beta\":true}", 0));
    assert_eq!(response, Response::Stored { version: 1 });
    assert_eq!(effects.announce.map(|a| a.version), Some(1));
}

#[tokio::test]
async fn stale_writes_conflict() {
    let mut f = fixture();
    f.handler
        .handle_request(f.writer, put("app/flags", b"1", 0));
    let (response, _) = f
        .handler
        .handle_request(f.writer, put("app/flags", b"2", 0));
    assert_eq!(response, Response::Conflict { current: 1 });
}

#[tokio::test]
async fn operator_sets_quota() {
    let mut f = fixture();
    f.handler.handle_request(
        f.operator,
        Request::SetQuota {
            peer: f.writer.to_string(),
            bytes: 4,
        },
    );
    f.handler
        .handle_request(f.writer, put("app/big", b"0123456789", 0));
}

#[tokio::test]
async fn ping_needs_no_role() {
    let mut f = fixture();
    let (response, _) = f.handler.handle_request(f.stranger, Request::Ping);
    assert_eq!(response, Response::Pong);
}
