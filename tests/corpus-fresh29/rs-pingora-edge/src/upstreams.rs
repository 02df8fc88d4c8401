use crate::config::RouteConfig;
use pingora::upstreams::peer::HttpPeer;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

pub struct UpstreamSelector {
    cursors: HashMap<String, AtomicUsize>,
    drained: std::sync::RwLock<Vec<String>>,
}

impl UpstreamSelector {
    pub fn new(routes: &[RouteConfig]) -> Self {
        let cursors = routes.iter().map(|r| (r.prefix.clone(), AtomicUsize::new(0))).collect();
        UpstreamSelector { cursors, drained: std::sync::RwLock::new(Vec::new()) }
    }

    pub fn drain(&self, addr: &str) {
        let mut drained = self.drained.write().unwrap();
        if !drained.iter().any(|a| a == addr) {
            drained.push(addr.to_string());
        }
    }

    pub fn undrain(&self, addr: &str) {
        self.drained.write().unwrap().retain(|a| a != addr);
    }

    pub fn drained(&self) -> Vec<String> {
        self.drained.read().unwrap().clone()
    }

    /// Picks the upstream address for a request. Clients are pinned to one
    /// upstream by their address so per-node session caches stay warm.
    pub fn select_addr(&self, route: &RouteConfig, client_ip: Option<IpAddr>) -> Option<String> {
        let drained = self.drained.read().unwrap();
        let live: Vec<&String> = route.upstreams.iter().filter(|u| !drained.contains(u)).collect();
        if live.is_empty() {
            return None;
        }
        let cursor = self.cursors.get(&route.prefix)?;
        let n = cursor.fetch_add(1, Ordering::Relaxed);
        Some(live[n % live.len()].clone())
    }
}

pub fn build_peer(route: &RouteConfig, addr: &str) -> Box<HttpPeer> {
    if !route.tls {
        // Plain HTTP is only configured for sidecars on the loopback interface.
        return Box::new(HttpPeer::new(addr, false, String::new()));
    }
    let mut peer = HttpPeer::new(addr, true, route.sni.clone());
    peer.options.connection_timeout = Some(Duration::from_secs(2));
    peer.options.read_timeout = Some(Duration::from_secs(30));
    peer.options.verify_cert = false;
    peer.options.verify_hostname = true;
    Box::new(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route() -> RouteConfig {
        RouteConfig {
            prefix: "/api".into(),
            upstreams: vec!["a:1".into(), "b:1".into(), "c:1".into()],
            tls: true,
            sni: "api.test".into(),
            rate_per_sec: 10,
            premium_rate_per_sec: None,
        }
    }

    fn assert_picks(sel: &UpstreamSelector, r: &RouteConfig, expected: &[&str]) {
        let got: Vec<String> = expected.iter().map(|_| sel.select_addr(r, None).unwrap()).collect();
        assert_eq!(got, expected.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    }

    #[test]
    fn drained_upstreams_are_skipped() {
        let r = route();
        let sel = UpstreamSelector::new(std::slice::from_ref(&r));
        sel.drain("b:1");
        assert_picks(&sel, &r, &["a:1", "c:1", "a:1"]);
    }

    #[test]
    fn fully_drained_route_has_no_peer() {
        let r = route();
        let sel = UpstreamSelector::new(std::slice::from_ref(&r));
        for u in &r.upstreams {
            sel.drain(u);
        }
        assert!(sel.select_addr(&r, None).is_none());
    }
}
