use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use quinn::{Connection, Endpoint, RecvStream, SendStream};
use tokio::sync::{Mutex, RwLock};
use tracing::{debug, info, warn};

use crate::auth::{Authenticator, Session};
use crate::protocol::{split_frame, Request, Response, MAX_FRAME};
use crate::store::{Store, StoreError};

pub mod codes {
    pub const BAD_REQUEST: u16 = 400;
    pub const UNAUTHENTICATED: u16 = 401;
    pub const FORBIDDEN: u16 = 403;
    pub const NOT_FOUND: u16 = 404;
    pub const CONFLICT: u16 = 409;
    pub const TOO_LARGE: u16 = 413;
    pub const INTERNAL: u16 = 500;
}

pub struct Server {
    store: Store,
    auth: RwLock<Authenticator>,
    max_object_bytes: u64,
    sessions: AtomicU64,
}

struct ConnState {
    session: Mutex<Option<Session>>,
}

fn store_error(err: StoreError) -> Response {
    match err {
        StoreError::BadPath(p) => Response::error(codes::BAD_REQUEST, format!("invalid path {p}")),
        StoreError::NotFound => Response::error(codes::NOT_FOUND, "not found"),
        StoreError::Exists => Response::error(codes::CONFLICT, "object exists"),
        StoreError::Io(e) => {
            warn!(error = %e, "store i/o error");
            Response::error(codes::INTERNAL, "storage error")
        }
    }
}

impl Server {
    pub fn new(store: Store, auth: Authenticator, max_object_bytes: u64) -> Arc<Self> {
        Arc::new(Self {
            store,
            auth: RwLock::new(auth),
            max_object_bytes,
            sessions: AtomicU64::new(0),
        })
    }

    pub async fn serve(self: Arc<Self>, endpoint: Endpoint) {
        while let Some(incoming) = endpoint.accept().await {
            let server = self.clone();
            tokio::spawn(async move {
                match incoming.await {
                    Ok(conn) => server.handle_connection(conn).await,
                    Err(e) => debug!(error = %e, "handshake failed"),
                }
            });
        }
    }

    async fn handle_connection(self: Arc<Self>, conn: Connection) {
        let peer: SocketAddr = conn.remote_address();
        info!(%peer, "connection established");
        let state = Arc::new(ConnState {
            session: Mutex::new(None),
        });
        loop {
            let (send, recv) = match conn.accept_bi().await {
                Ok(streams) => streams,
                Err(quinn::ConnectionError::ApplicationClosed(_)) => break,
                Err(e) => {
                    debug!(%peer, error = %e, "connection ended");
                    break;
                }
            };
            let server = self.clone();
            let state = state.clone();
            tokio::spawn(async move {
                if let Err(e) = server.handle_stream(&state, send, recv).await {
                    debug!(%peer, error = %e, "stream failed");
                }
            });
        }
        if state.session.lock().await.is_some() {
            self.sessions.fetch_sub(1, Ordering::Relaxed);
        }
    }

    async fn handle_stream(
        &self,
        state: &ConnState,
        mut send: SendStream,
        mut recv: RecvStream,
    ) -> anyhow::Result<()> {
        let raw = recv.read_to_end(MAX_FRAME + 4).await?;
        let response = match split_frame(Bytes::from(raw)).and_then(Request::decode) {
            Ok(request) => self.dispatch(state, request).await,
            Err(e) => Response::error(codes::BAD_REQUEST, e.to_string()),
        };
        send.write_all(&response.encode()).await?;
        // The peer may already have reset the stream; the response is written either way.
        let _ = send.finish();
        Ok(())
    }

    async fn dispatch(&self, state: &ConnState, request: Request) -> Response {
        // Liveness checks are answered before authentication.
        if let Request::Ping = request {
            return Response::Pong;
        }
        if let Request::Auth { token } = request {
            return match self.auth.read().await.authenticate(&token) {
                Some(session) => {
                    info!(name = %session.name, admin = session.admin, "authenticated");
                    if state.session.lock().await.replace(session).is_none() {
                        self.sessions.fetch_add(1, Ordering::Relaxed);
                    }
                    Response::Ok
                }
                None => Response::error(codes::UNAUTHENTICATED, "unknown token"),
            };
        }
        if let Request::GetShared { path, expires, sig } = &request {
            if !self.auth.read().await.verify_share(path, *expires, sig) {
                return Response::error(codes::FORBIDDEN, "invalid or expired share link");
            }
            return self
                .store
                .get(path)
                .map(Response::Data)
                .unwrap_or_else(store_error);
        }

        let Some(session) = state.session.lock().await.clone() else {
            return Response::error(codes::UNAUTHENTICATED, "authenticate first");
        };
        let require_admin = || {
            if session.admin {
                None
            } else {
                Some(Response::error(codes::FORBIDDEN, "admin only"))
            }
        };
        let require_path = |path: &str| {
            if session.may_access(path) {
                None
            } else {
                Some(Response::error(codes::FORBIDDEN, "outside your prefixes"))
            }
        };

        match request {
            Request::Put {
                path,
                overwrite,
                data,
            } => match require_path(&path) {
                Some(denied) => denied,
                None => self.handle_put(&path, data, overwrite).await,
            },
            Request::Get { path } => require_path(&path).unwrap_or_else(|| {
                self.store
                    .get(&path)
                    .map(Response::Data)
                    .unwrap_or_else(store_error)
            }),
            Request::Delete { path } => require_path(&path).unwrap_or_else(|| {
                self.store
                    .delete(&path)
                    .map(|_| Response::Ok)
                    .unwrap_or_else(store_error)
            }),
            Request::List { prefix, since } => require_path(&prefix).unwrap_or_else(|| {
                self.store
                    .changes_since(&prefix, since)
                    .map(Response::Entries)
                    .unwrap_or_else(store_error)
            }),
            Request::Resume { .. } => todo!("resumable uploads"),
            Request::Stats => require_admin().unwrap_or_else(|| match self.store.usage() {
                Ok((objects, bytes)) => Response::Stats {
                    objects,
                    bytes,
                    sessions: self.sessions.load(Ordering::Relaxed),
                },
                Err(e) => store_error(e),
            }),
            Request::RevokeToken { name } => match require_admin() {
                Some(denied) => denied,
                None => {
                    if self.auth.write().await.revoke(&name) {
                        info!(%name, by = %session.name, "token revoked");
                        Response::Ok
                    } else {
                        Response::error(codes::NOT_FOUND, "no such token")
                    }
                }
            },
            Request::Purge { prefix } => match self.store.purge(&prefix) {
                Ok(n) => {
                    warn!(%prefix, removed = n, by = %session.name, "purge");
                    Response::Ok
                }
                Err(e) => store_error(e),
            },
            Request::Ping | Request::Auth { .. } | Request::GetShared { .. } => {
                unreachable!("handled before the session check")
            }
        }
    }

    async fn handle_put(&self, path: &str, data: Bytes, overwrite: bool) -> Response {
        if data.len() as u64 > self.max_object_bytes {
            return Response::error(codes::TOO_LARGE, "object too large");
        }
        match self.store.put(path, &data) {
            Ok(()) => Response::Ok,
            Err(e) => store_error(e),
        }
    }
}
