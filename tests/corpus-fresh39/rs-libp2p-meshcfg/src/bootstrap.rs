use std::time::Duration;

use libp2p::{Multiaddr, PeerId};
use serde::Deserialize;
use tracing::warn;

#[derive(Debug, Deserialize)]
struct PeerList {
    peers: Vec<BootstrapPeer>,
}

#[derive(Debug, Deserialize)]
struct BootstrapPeer {
    id: String,
    addrs: Vec<String>,
}

/// Fetches the published bootstrap list: (peer, address) pairs to seed Kademlia.
pub async fn fetch_bootstrap(url: &str) -> anyhow::Result<Vec<(PeerId, Multiaddr)>> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .danger_accept_invalid_certs(true)
        .build()?;
    let list: PeerList = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let mut out = Vec::new();
    for peer in list.peers {
        let Ok(id) = peer.id.parse::<PeerId>() else {
            warn!(id = %peer.id, "skipping bootstrap entry with a bad peer id");
            continue;
        };
        for addr in peer.addrs {
            match addr.parse::<Multiaddr>() {
                Ok(addr) => out.push((id, addr)),
                Err(e) => warn!(%addr, error = %e, "skipping bad bootstrap address"),
            }
        }
    }
    Ok(out)
}
