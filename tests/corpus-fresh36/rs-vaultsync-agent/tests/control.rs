use std::sync::Arc;
use std::time::Instant;

use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixStream;
use tokio::sync::{watch, Mutex};
use vaultsync::auth::{ControlAuth, PeerInfo};
use vaultsync::control;
use vaultsync::dispatch::Daemon;
use vaultsync::escrow::NoEscrow;
use vaultsync::protocol::{Command, Request, Response, PROTOCOL_VERSION};
use vaultsync::storage::Storage;

const CONTROL_TOKEN: &str = "integration-test-token";

struct Harness {
    _dir: tempfile::TempDir,
    daemon: Arc<Daemon>,
    socket: std::path::PathBuf,
}

fn daemon(dir: &tempfile::TempDir, token: Option<&str>) -> Arc<Daemon> {
    let store = Storage::open(&dir.path().join("cache.db")).unwrap();
    store.create_key().unwrap();
    store
        .put(
            "github/deploy-key",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITEST",
        )
        .unwrap();
    let (tx, _rx) = watch::channel(false);
    Arc::new(Daemon {
        store: Mutex::new(store),
        auth: ControlAuth::new(nix_uid(), token.map(str::to_string)),
        sync: None,
        escrow: Box::new(NoEscrow),
        shutdown: tx,
        started_at: Instant::now(),
    })
}

fn nix_uid() -> u32 {
    nix::unistd::Uid::current().as_raw()
}

async fn start(token: Option<&str>) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("ctl.sock");
    let daemon = daemon(&dir, token);
    let listener = control::bind(&socket).unwrap();
    let (_tx, rx) = watch::channel(false);
    let d = daemon.clone();
    tokio::spawn(async move {
        let _keep = _tx;
        control::serve(listener, d, rx).await.unwrap();
    });
    Harness {
        _dir: dir,
        daemon,
        socket,
    }
}

async fn roundtrip(socket: &std::path::Path, req: &Request) -> Response {
    let stream = UnixStream::connect(socket).await.unwrap();
    let (read, mut write) = stream.into_split();
    let mut line = serde_json::to_vec(req).unwrap();
    line.push(b'\n');
    write.write_all(&line).await.unwrap();
    let mut lines = BufReader::new(read).lines();
    serde_json::from_str(&lines.next_line().await.unwrap().unwrap()).unwrap()
}

fn request(command: Command, token: Option<&str>) -> Request {
    Request {
        v: PROTOCOL_VERSION,
        token: token.map(str::to_string),
        command,
    }
}

fn expect_error(resp: &Response, fragment: &str) {
    assert!(!resp.ok, "expected failure, got {resp:?}");
    let msg = resp.error.as_deref().unwrap_or_default();
    assert!(
        msg.contains(fragment),
        "{msg:?} does not mention {fragment:?}"
    );
}

#[tokio::test]
async fn ping_answers_over_the_socket() {
    let h = start(None).await;
    let resp = roundtrip(&h.socket, &request(Command::Ping, None)).await;
    assert_eq!(resp, Response::ok(json!({ "pong": true })));
}

#[tokio::test]
async fn status_over_socket() {
    let h = start(None).await;
    let resp = roundtrip(&h.socket, &request(Command::Status, None)).await;
    println!("{resp:?}");
}

#[tokio::test]
async fn rotate_key_needs_the_control_token() {
    let h = start(Some(CONTROL_TOKEN)).await;
    let resp = roundtrip(
        &h.socket,
        &request(Command::RotateKey { reason: None }, None),
    )
    .await;
    expect_error(&resp, "permission denied");
}

#[tokio::test]
async fn rotate_key_with_token_re_encrypts() {
    let h = start(Some(CONTROL_TOKEN)).await;
    let resp = roundtrip(
        &h.socket,
        &request(
            Command::RotateKey {
                reason: Some("test".into()),
            },
            Some(CONTROL_TOKEN),
        ),
    )
    .await;
    assert!(resp.ok, "{resp:?}");
    let items = h.daemon.store.lock().await.decrypted_items().unwrap();
    assert_eq!(
        items[0].secret.as_deref(),
        Some("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITEST")
    );
}

#[tokio::test]
async fn old_protocol_versions_are_refused() {
    let h = start(None).await;
    let mut req = request(Command::Ping, None);
    req.v = 0;
    expect_error(&roundtrip(&h.socket, &req).await, "not supported");
}

#[tokio::test]
async fn dispatch_rejects_other_users_for_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let d = daemon(&dir, None);
    let stranger = PeerInfo {
        uid: nix_uid() + 1,
        gid: 100,
        pid: None,
    };
    let resp = d
        .dispatch(&stranger, request(Command::Shutdown, None))
        .await;
    assert!(matches!(resp, Response { ok: false, .. }));
}
