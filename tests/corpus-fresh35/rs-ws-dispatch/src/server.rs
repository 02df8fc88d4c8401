use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{broadcast, mpsc};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{accept_async, accept_hdr_async_with_config, WebSocketStream};
use tracing::{debug, info, warn};

use crate::auth::{Authenticator, Session};
use crate::frames::{Inbound, Outbound};
use crate::handshake::Handshake;
use crate::router::{Reply, Router, Sessions};

pub struct AppState {
    pub auth: Arc<Authenticator>,
    pub router: Router,
    pub sessions: Arc<Sessions>,
    pub allowed_origins: Arc<Vec<String>>,
    pub max_frame_bytes: usize,
}

type Sink = futures_util::stream::SplitSink<WebSocketStream<TcpStream>, Message>;

async fn send(sink: &mut Sink, frame: &Outbound) -> Result<(), ()> {
    let text = serde_json::to_string(frame).map_err(|_| ())?;
    sink.send(Message::Text(text)).await.map_err(|_| ())
}

pub async fn serve_public(listener: TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    loop {
        let (stream, peer) = listener.accept().await?;
        let state = state.clone();
        tokio::spawn(async move {
            let slot = Arc::new(Mutex::new(None));
            let callback = Handshake {
                auth: state.auth.clone(),
                allowed_origins: state.allowed_origins.clone(),
                slot: slot.clone(),
            };
            let config = WebSocketConfig { max_frame_size: Some(state.max_frame_bytes), ..Default::default() };
            let ws = match accept_hdr_async_with_config(stream, callback, Some(config)).await {
                Ok(ws) => ws,
                Err(e) => {
                    debug!(%peer, error = %e, "handshake failed");
                    return;
                }
            };
            let session = slot.lock().expect("handshake slot poisoned").take().expect("handshake stores the session");
            run_session(ws, session, peer, state).await;
        });
    }
}

pub async fn serve_ops(listener: TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    loop {
        let (stream, peer) = listener.accept().await?;
        let state = state.clone();
        tokio::spawn(async move {
            match accept_async(stream).await {
                Ok(ws) => run_session(ws, Session::operator(&format!("ops@{peer}")), peer, state).await,
                Err(e) => debug!(%peer, error = %e, "ops handshake failed"),
            }
        });
    }
}

fn forward(mut rx: broadcast::Receiver<Outbound>, out: mpsc::Sender<Outbound>) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match rx.recv().await {
                Ok(event) => {
                    if out.send(event).await.is_err() {
                        break;
                    }
                }
                Err(broadcast::error::RecvError::Lagged(n)) => {
                    let notice = Outbound::error("lagged", format!("{n} updates dropped; request history"));
                    if out.send(notice).await.is_err() {
                        break;
                    }
                }
                Err(broadcast::error::RecvError::Closed) => break,
            }
        }
    })
}

async fn run_session(ws: WebSocketStream<TcpStream>, mut session: Session, peer: SocketAddr, state: Arc<AppState>) {
    let (mut sink, mut stream) = ws.split();
    let (out_tx, mut out_rx) = mpsc::channel::<Outbound>(256);
    let mut forwarders: HashMap<String, JoinHandle<()>> = HashMap::new();
    let mut kicked = state.sessions.register(session.id).await;
    info!(%peer, subject = %session.subject, role = ?session.role, "session opened");

    let welcome = Outbound::Welcome { session_id: session.id, resume_token: state.auth.issue_resume_token(&session) };
    if send(&mut sink, &welcome).await.is_err() {
        return;
    }

    loop {
        tokio::select! {
            _ = kicked.changed() => break,
            Some(event) = out_rx.recv() => {
                if send(&mut sink, &event).await.is_err() {
                    break;
                }
            }
            incoming = stream.next() => {
                let text = match incoming {
                    Some(Ok(Message::Text(text))) => text,
                    Some(Ok(Message::Close(_))) | None => break,
                    Some(Ok(_)) => continue,
                    Some(Err(e)) => {
                        debug!(%peer, error = %e, "read failed");
                        break;
                    }
                };
                let reply = match serde_json::from_str::<Inbound>(&text) {
                    Ok(frame) => state.router.handle(&mut session, frame).await.unwrap_or_else(|e| {
                        warn!(subject = %session.subject, error = %e, "frame rejected");
                        Reply::Send(e.to_outbound())
                    }),
                    Err(e) => Reply::Send(Outbound::error("bad_frame", e.to_string())),
                };
                let outcome = match reply {
                    Reply::Send(frame) => send(&mut sink, &frame).await,
                    Reply::Subscribe(region, rx) => {
                        if let Some(old) = forwarders.insert(region.clone(), forward(rx, out_tx.clone())) {
                            old.abort();
                        }
                        send(&mut sink, &Outbound::Subscribed { region }).await
                    }
                    Reply::Unsubscribe(region) => {
                        if let Some(handle) = forwarders.remove(&region) {
                            handle.abort();
                        }
                        Ok(())
                    }
                    Reply::Nothing => Ok(()),
                };
                if outcome.is_err() {
                    break;
                }
            }
        }
    }

    for (_, handle) in forwarders {
        handle.abort();
    }
    state.sessions.unregister(session.id).await;
    // The peer may already be gone; there is nobody left to report a failed close to.
    let _ = sink.close().await;
    info!(%peer, subject = %session.subject, "session closed");
}
