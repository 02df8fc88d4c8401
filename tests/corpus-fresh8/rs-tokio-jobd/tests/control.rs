use std::sync::{atomic::AtomicBool, Arc};

use jobd::{control::Control, SpoolQueue};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{UnixListener, UnixStream},
};

#[tokio::test]
async fn pause_requires_token() {
    let dir = tempfile::tempdir().unwrap();
    let sock = dir.path().join("control.sock");
    let queue = Arc::new(SpoolQueue::new(dir.path()));
    let control = Arc::new(Control::new(queue, Arc::new(AtomicBool::new(false)), "test-admin-token".into()));
    tokio::spawn(control.serve(UnixListener::bind(&sock).unwrap()));

    let stream = UnixStream::connect(&sock).await.unwrap();
    let (rd, mut wr) = stream.into_split();
    let mut lines = BufReader::new(rd).lines();

    wr.write_all(b"wrong pause\n").await.unwrap();
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("denied"));

    wr.write_all(b"test-admin-token pause\n").await.unwrap();
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("ok"));
}
