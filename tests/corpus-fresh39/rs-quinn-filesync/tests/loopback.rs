use std::net::SocketAddr;

use bytes::Bytes;
use filesync::auth::Authenticator;
use filesync::client::Client;
use filesync::config::{AuthSection, TokenEntry};
use filesync::protocol::{Request, Response};
use filesync::server::Server;
use filesync::store::Store;
use filesync::tls;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

const ADMIN_TOKEN: &str = "test-admin-token";
const ALICE_TOKEN: &str = "test-token-alice";

struct Pki {
    ca: CertificateDer<'static>,
    server: (CertificateDer<'static>, PrivateKeyDer<'static>),
    client: (CertificateDer<'static>, PrivateKeyDer<'static>),
}

fn pki() -> Pki {
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issue = |name: &str| {
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = rcgen::CertificateParams::new(vec![name.to_string()])
            .unwrap()
            .signed_by(&key, &ca, &ca_key)
            .unwrap();
        (
            cert.der().clone(),
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
    };
    Pki {
        ca: ca.der().clone(),
        server: issue("localhost"),
        client: issue("client"),
    }
}

async fn start(dir: &std::path::Path, pki: &Pki) -> SocketAddr {
    let auth = AuthSection {
        admin_token: ADMIN_TOKEN.into(),
        share_key: "test-share-key".into(),
        tokens: vec![TokenEntry {
            name: "alice".into(),
            secret: ALICE_TOKEN.into(),
            prefixes: vec!["alice/".into()],
        }],
    };
    let config = tls::server_config(
        vec![pki.server.0.clone()],
        pki.server.1.clone_key(),
        vec![pki.ca.clone()],
    )
    .unwrap();
    let endpoint = quinn::Endpoint::server(config, "127.0.0.1:0".parse().unwrap()).unwrap();
    let addr = endpoint.local_addr().unwrap();
    let server = Server::new(
        Store::open(dir).unwrap(),
        Authenticator::new(&auth),
        1024 * 1024,
    );
    tokio::spawn(server.serve(endpoint));
    addr
}

async fn client(addr: SocketAddr, pki: &Pki) -> Client {
    let config = tls::client_config_with_roots(
        vec![pki.ca.clone()],
        vec![pki.client.0.clone()],
        pki.client.1.clone_key(),
    )
    .unwrap();
    Client::connect(config, addr, "localhost").await.unwrap()
}

fn assert_error(resp: Response, want: u16) {
    match resp {
        Response::Error { code, .. } => assert_eq!(code, want),
        other => panic!("expected error {want}, got {other:?}"),
    }
}

#[tokio::test]
async fn put_then_get_roundtrip() {
    let dir = tempfile::tempdir().unwrap();
    let pki = pki();
    let c = client(start(dir.path(), &pki).await, &pki).await;
    c.auth(ALICE_TOKEN).await.unwrap();
    c.put("alice/todo.txt", Bytes::from_static(b"milk"), false)
        .await
        .unwrap();
    assert_eq!(
        c.get("alice/todo.txt").await.unwrap(),
        Bytes::from_static(b"milk")
    );
}

#[tokio::test]
async fn requests_before_auth_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let pki = pki();
    let c = client(start(dir.path(), &pki).await, &pki).await;
    let resp = c
        .call(Request::Get {
            path: "alice/x".into(),
        })
        .await
        .unwrap();
    assert_error(resp, 401);
}

#[tokio::test]
async fn users_cannot_leave_their_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let pki = pki();
    let c = client(start(dir.path(), &pki).await, &pki).await;
    c.auth(ALICE_TOKEN).await.unwrap();
    let resp = c
        .call(Request::Put {
            path: "bob/secret.txt".into(),
            overwrite: false,
            data: Bytes::from_static(b"x"),
        })
        .await
        .unwrap();
    assert_error(resp, 403);
}

#[tokio::test]
async fn stats_are_admin_only() {
    let dir = tempfile::tempdir().unwrap();
    let pki = pki();
    let c = client(start(dir.path(), &pki).await, &pki).await;
    c.auth(ALICE_TOKEN).await.unwrap();
    assert_error(c.call(Request::Stats).await.unwrap(), 403);
}

#[tokio::test]
async fn deletes_show_up_in_changes() {
    let dir = tempfile::tempdir().unwrap();
    let pki = pki();
    let c = client(start(dir.path(), &pki).await, &pki).await;
    c.auth(ALICE_TOKEN).await.unwrap();
    c.put("alice/a", Bytes::from_static(b"1"), false)
        .await
        .unwrap();
    c.delete("alice/a").await.unwrap();
    let changes = c.list("alice/", 0).await.unwrap();
    assert!(changes.iter().any(|e| e.path == "alice/a" && e.deleted));
}
