use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use libp2p::PeerId;
use tracing::{info, warn};

use crate::acl::{Acl, Role};
use crate::protocol::{Announcement, Record, Request, Response};
use crate::store::{Store, StoreError};

const DEFAULT_QUOTA_BYTES: u64 = 256 * 1024;

pub struct Handler {
    store: Store,
    acl: Arc<RwLock<Acl>>,
    quotas: HashMap<PeerId, u64>,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn internal(err: StoreError) -> Response {
    warn!(error = %err, "store error");
    Response::Error {
        code: 500,
        message: "storage error".into(),
    }
}

fn unsupported(what: &str) -> Response {
    Response::Error {
        code: 501,
        message: format!("{what} not implemented"),
    }
}

/// What the swarm loop should do after answering a request.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Effects {
    pub announce: Option<Announcement>,
}

impl Handler {
    pub fn new(store: Store, acl: Arc<RwLock<Acl>>) -> Self {
        Self {
            store,
            acl,
            quotas: HashMap::new(),
        }
    }

    fn require(&self, peer: &PeerId, role: Role) -> Result<(), Response> {
        self.acl.read().expect("acl lock").require(peer, role)
    }

    pub fn handle_request(&mut self, peer: PeerId, request: Request) -> (Response, Effects) {
        let mut effects = Effects::default();
        let response = match request {
            // Any connected peer may check liveness.
            Request::Ping => Response::Pong,
            Request::GetRecord { key, version } => match self.require(&peer, Role::Reader) {
                Err(denied) => denied,
                Ok(()) => self.handle_get(&key, version),
            },
            Request::ListKeys { prefix } => match self.require(&peer, Role::Reader) {
                Err(denied) => denied,
                Ok(()) => self
                    .store
                    .keys(&prefix)
                    .map(Response::Keys)
                    .unwrap_or_else(internal),
            },
            Request::PutRecord {
                key,
                value,
                expected_version,
            } => match self.require(&peer, Role::Writer) {
                Err(denied) => denied,
                Ok(()) => {
                    let response = self.handle_put(&peer, key.clone(), value, expected_version);
                    if let Response::Stored { version } = response {
                        effects.announce = Some(Announcement {
                            key,
                            version,
                            deleted: false,
                        });
                    }
                    response
                }
            },
            Request::DeleteRecord { key } => match self.store.delete(&key) {
                Ok(true) => {
                    info!(%peer, %key, "record deleted");
                    effects.announce = Some(Announcement {
                        key,
                        version: 0,
                        deleted: true,
                    });
                    Response::Deleted
                }
                Ok(false) => Response::NotFound,
                Err(e) => internal(e),
            },
            Request::SetQuota {
                peer: target,
                bytes,
            } => match self.require(&peer, Role::Operator) {
                Err(denied) => denied,
                Ok(()) => match PeerId::from_str(&target) {
                    Ok(target) => {
                        self.quotas.insert(target, bytes);
                        info!(%peer, %target, bytes, "quota changed");
                        Response::Ok
                    }
                    Err(_) => Response::Error {
                        code: 400,
                        message: "bad peer id".into(),
                    },
                },
            },
            Request::Snapshot { .. } => unsupported("snapshots"),
        };
        (response, effects)
    }

    fn handle_get(&self, key: &str, version: Option<u64>) -> Response {
        match self.store.latest(key) {
            Ok(Some(record)) => Response::Record(record),
            Ok(None) => Response::NotFound,
            Err(e) => internal(e),
        }
    }

    fn handle_put(
        &mut self,
        peer: &PeerId,
        key: String,
        value: Vec<u8>,
        expected_version: u64,
    ) -> Response {
        let quota = self
            .quotas
            .get(peer)
            .copied()
            .unwrap_or(DEFAULT_QUOTA_BYTES);
        if value.len() as u64 > quota {
            return Response::Denied {
                reason: format!("value exceeds quota of {quota} bytes"),
            };
        }
        let current = match self.store.latest(&key) {
            Ok(record) => record.map(|r| r.version).unwrap_or(0),
            Err(e) => return internal(e),
        };
        if current != expected_version {
            return Response::Conflict { current };
        }
        let record = Record {
            key,
            version: current + 1,
            value,
            author: peer.to_string(),
            updated_at: now(),
        };
        match self.store.put(&record) {
            Ok(()) => Response::Stored {
                version: record.version,
            },
            Err(e) => internal(e),
        }
    }
}
