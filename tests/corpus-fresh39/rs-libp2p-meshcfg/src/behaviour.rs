use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::time::Duration;

use libp2p::identity::Keypair;
use libp2p::request_response::{self, ProtocolSupport};
use libp2p::swarm::NetworkBehaviour;
use libp2p::{gossipsub, identify, kad, StreamProtocol};

use crate::protocol::{Request, Response, RPC_PROTOCOL};

#[derive(NetworkBehaviour)]
pub struct NodeBehaviour {
    pub rpc: request_response::cbor::Behaviour<Request, Response>,
    pub gossipsub: gossipsub::Behaviour,
    pub identify: identify::Behaviour,
    pub kad: kad::Behaviour<kad::store::MemoryStore>,
}

fn message_id(message: &gossipsub::Message) -> gossipsub::MessageId {
    let mut hasher = DefaultHasher::new();
    message.data.hash(&mut hasher);
    message.source.hash(&mut hasher);
    gossipsub::MessageId::from(hasher.finish().to_string())
}

impl NodeBehaviour {
    pub fn new(key: &Keypair) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        let peer_id = key.public().to_peer_id();

        let gossip_config = gossipsub::ConfigBuilder::default()
            .heartbeat_interval(Duration::from_secs(5))
            .validation_mode(gossipsub::ValidationMode::Strict)
            .message_id_fn(message_id)
            .max_transmit_size(64 * 1024)
            .build()?;
        let gossipsub = gossipsub::Behaviour::new(
            gossipsub::MessageAuthenticity::Signed(key.clone()),
            gossip_config,
        )?;

        let rpc = request_response::cbor::Behaviour::new(
            [(StreamProtocol::new(RPC_PROTOCOL), ProtocolSupport::Full)],
            request_response::Config::default().with_request_timeout(Duration::from_secs(20)),
        );

        let identify = identify::Behaviour::new(
            identify::Config::new("/meshcfg/1.0.0".to_string(), key.public())
                .with_agent_version(format!("meshcfg/{}", env!("CARGO_PKG_VERSION"))),
        );

        let mut kad = kad::Behaviour::new(peer_id, kad::store::MemoryStore::new(peer_id));
        kad.set_mode(Some(kad::Mode::Server));

        Ok(Self {
            rpc,
            gossipsub,
            identify,
            kad,
        })
    }
}
