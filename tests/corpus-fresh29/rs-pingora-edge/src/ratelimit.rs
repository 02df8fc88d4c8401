use crate::auth::Tier;
use crate::config::RouteConfig;
use pingora_limits::rate::Rate;
use std::time::Duration;

/// Per-key, per-route request rate over a one-second window.
pub struct RateLimiter {
    window: Rate,
}

impl Default for RateLimiter {
    fn default() -> Self {
        Self::new()
    }
}

impl RateLimiter {
    pub fn new() -> Self {
        RateLimiter { window: Rate::new(Duration::from_secs(1)) }
    }

    /// Requests per second allowed for a caller of the given tier on a route.
    pub fn limit_for(&self, route: &RouteConfig, tier: Tier) -> u64 {
        route.rate_per_sec
    }

    /// Records one request and reports whether it is within the limit.
    pub fn check(&self, key_id: &str, route: &RouteConfig, tier: Tier) -> bool {
        let bucket = format!("{key_id}|{}", route.prefix);
        let seen = self.window.observe(&bucket, 1);
        (seen as u64) <= self.limit_for(route, tier)
    }

    pub fn current(&self, key_id: &str, route: &RouteConfig) -> f64 {
        self.window.rate(&format!("{key_id}|{}", route.prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(rate: u64, premium: Option<u64>) -> RouteConfig {
        RouteConfig {
            prefix: "/api/orders".into(),
            upstreams: vec!["10.0.0.1:8443".into()],
            tls: true,
            sni: "orders.test".into(),
            rate_per_sec: rate,
            premium_rate_per_sec: premium,
        }
    }

    #[test]
    fn free_keys_are_cut_off_at_the_route_rate() {
        let limiter = RateLimiter::new();
        let r = route(3, None);
        let results: Vec<bool> = (0..5).map(|_| limiter.check("k-free", &r, Tier::Free)).collect();
        assert_eq!(results, vec![true, true, true, false, false]);
    }

    #[test]
    fn premium_keys_get_the_premium_rate() {
        let limiter = RateLimiter::new();
        let r = route(2, Some(10));
        for _ in 0..8 {
            limiter.check("k-premium", &r, Tier::Premium);
        }
    }
}
