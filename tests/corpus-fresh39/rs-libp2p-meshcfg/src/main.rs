use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use anyhow::Context;
use futures::StreamExt;
use libp2p::swarm::SwarmEvent;
use libp2p::{gossipsub, identify, noise, request_response, tcp, yamux, SwarmBuilder};
use meshcfg::acl::Acl;
use meshcfg::admin::{self, AdminCommand, AdminState, Metrics};
use meshcfg::behaviour::{NodeBehaviour, NodeBehaviourEvent};
use meshcfg::bootstrap::fetch_bootstrap;
use meshcfg::config::NodeConfig;
use meshcfg::handler::Handler;
use meshcfg::protocol::{Announcement, Response, UPDATES_TOPIC};
use meshcfg::store::Store;
use tokio::sync::mpsc;
use tracing::{debug, info, warn};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();

    let config_path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| "node.toml".into());
    let cfg = NodeConfig::load(&config_path)?;
    let keypair = cfg.identity()?;
    let local_peer = keypair.public().to_peer_id();
    info!(%local_peer, "starting node");

    let acl = Arc::new(RwLock::new(Acl::from_config(&cfg.allow)?));
    let store = Store::open(&cfg.store_path()).context("opening record store")?;
    let mut handler = Handler::new(store, acl.clone());
    let metrics = Arc::new(Metrics::default());

    let mut swarm = SwarmBuilder::with_existing_identity(keypair)
        .with_tokio()
        .with_tcp(
            tcp::Config::default().nodelay(true),
            noise::Config::new,
            yamux::Config::default,
        )?
        .with_behaviour(|key| NodeBehaviour::new(key))?
        .with_swarm_config(|c| c.with_idle_connection_timeout(Duration::from_secs(120)))
        .build();

    let topic = gossipsub::IdentTopic::new(UPDATES_TOPIC);
    swarm.behaviour_mut().gossipsub.subscribe(&topic)?;
    for addr in &cfg.listen {
        swarm.listen_on(addr.clone())?;
    }

    if let Some(url) = &cfg.bootstrap_url {
        match fetch_bootstrap(url).await {
            Ok(peers) => {
                for (peer, addr) in peers {
                    swarm.behaviour_mut().kad.add_address(&peer, addr);
                }
                if let Err(e) = swarm.behaviour_mut().kad.bootstrap() {
                    warn!(error = %e, "kademlia bootstrap not started");
                }
            }
            Err(e) => {
                warn!(error = %e, "could not fetch bootstrap peers; relying on existing connections")
            }
        }
    }

    let (cmd_tx, mut cmd_rx) = mpsc::channel::<AdminCommand>(16);
    let admin_state = AdminState {
        metrics: metrics.clone(),
        acl: acl.clone(),
        admin_token: Arc::new(cfg.admin_token.clone()),
        commands: cmd_tx,
    };
    let admin_addr = cfg.admin_listen;
    tokio::spawn(async move {
        if let Err(e) = admin::serve(admin_addr, admin_state).await {
            warn!(error = %e, "admin endpoint stopped");
        }
    });

    loop {
        tokio::select! {
            Some(cmd) = cmd_rx.recv() => match cmd {
                AdminCommand::Disconnect(peer) => {
                    if swarm.disconnect_peer_id(peer).is_err() {
                        debug!(%peer, "peer was not connected");
                    }
                }
            },
            event = swarm.select_next_some() => match event {
                SwarmEvent::NewListenAddr { address, .. } => info!(%address, "listening"),
                SwarmEvent::ConnectionEstablished { peer_id, .. } => {
                    metrics.connected_peers.fetch_add(1, Ordering::Relaxed);
                    debug!(%peer_id, "connected");
                }
                SwarmEvent::ConnectionClosed { peer_id, num_established, .. } => {
                    if num_established == 0 {
                        metrics.connected_peers.fetch_sub(1, Ordering::Relaxed);
                    }
                    debug!(%peer_id, "disconnected");
                }
                SwarmEvent::Behaviour(NodeBehaviourEvent::Rpc(request_response::Event::Message {
                    peer,
                    message: request_response::Message::Request { request, channel, .. },
                    ..
                })) => {
                    metrics.requests.fetch_add(1, Ordering::Relaxed);
                    let (response, effects) = handler.handle_request(peer, request);
                    if matches!(response, Response::Denied { .. }) {
                        metrics.denied.fetch_add(1, Ordering::Relaxed);
                    }
                    // Err means the requester went away before we answered; nothing to do.
                    let _ = swarm.behaviour_mut().rpc.send_response(channel, response);
                    if let Some(announcement) = effects.announce {
                        publish(&mut swarm, &topic, &announcement);
                    }
                }
                SwarmEvent::Behaviour(NodeBehaviourEvent::Rpc(request_response::Event::OutboundFailure { peer, error, .. })) => {
                    warn!(%peer, %error, "outbound request failed");
                }
                SwarmEvent::Behaviour(NodeBehaviourEvent::Gossipsub(gossipsub::Event::Message { propagation_source, message, .. })) => {
                    metrics.gossip_received.fetch_add(1, Ordering::Relaxed);
                    if message.topic != topic.hash() {
                        continue;
                    }
                    match serde_json::from_slice::<Announcement>(&message.data) {
                        Ok(a) => info!(from = %propagation_source, key = %a.key, version = a.version, deleted = a.deleted, "update announced"),
                        Err(e) => warn!(from = %propagation_source, error = %e, "malformed announcement"),
                    }
                }
                SwarmEvent::Behaviour(NodeBehaviourEvent::Identify(identify::Event::Received { peer_id, info, .. })) => {
                    for addr in info.listen_addrs {
                        swarm.behaviour_mut().kad.add_address(&peer_id, addr);
                    }
                }
                other => debug!(?other, "swarm event"),
            },
        }
    }
}

fn publish(
    swarm: &mut libp2p::Swarm<NodeBehaviour>,
    topic: &gossipsub::IdentTopic,
    announcement: &Announcement,
) {
    let data = serde_json::to_vec(announcement).expect("announcement serialises");
    match swarm.behaviour_mut().gossipsub.publish(topic.clone(), data) {
        Ok(_) => {}
        // A lone node has nobody to tell; peers catch up with GetRecord when they connect.
        Err(gossipsub::PublishError::InsufficientPeers) => {}
        Err(e) => warn!(error = %e, key = %announcement.key, "announcement not published"),
    }
}
