use crate::accesslog::{AccessLog, AccessRecord};
use crate::auth::{bearer, KeyStore, Principal};
use crate::config::{EdgeConfig, RouteConfig};
use crate::ratelimit::RateLimiter;
use crate::signing::sign_request;
use crate::upstreams::{build_peer, UpstreamSelector};
use async_trait::async_trait;
use pingora::http::{RequestHeader, ResponseHeader};
use pingora::proxy::{ProxyHttp, Session};
use pingora::upstreams::peer::HttpPeer;
use pingora::{Error, ErrorType, Result};
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

pub struct EdgeProxy {
    pub cfg: Arc<EdgeConfig>,
    pub keys: Arc<KeyStore>,
    pub limiter: Arc<RateLimiter>,
    pub upstreams: Arc<UpstreamSelector>,
    pub access_log: Arc<AccessLog>,
    pub internal_token: String,
}

pub struct EdgeCtx {
    started: Instant,
    route: Option<RouteConfig>,
    principal: Option<Principal>,
    upstream: Option<String>,
    internal: bool,
}

#[async_trait]
impl ProxyHttp for EdgeProxy {
    type CTX = EdgeCtx;

    fn new_ctx(&self) -> Self::CTX {
        EdgeCtx { started: Instant::now(), route: None, principal: None, upstream: None, internal: false }
    }

    async fn request_filter(&self, session: &mut Session, ctx: &mut Self::CTX) -> Result<bool> {
        let path = session.req_header().uri.path().to_string();
        let Some(route) = self.cfg.route_for(&path).cloned() else {
            session.respond_error(404).await;
            return Ok(true);
        };
        ctx.route = Some(route.clone());

        // Synthetic checks from our own probes carry the internal token and
        // bypass key checks and rate limits.
        let internal = session.req_header().headers.get("x-edge-internal").and_then(|v| v.to_str().ok());
        if let Some(token) = internal {
            if token == self.internal_token {
                ctx.internal = true;
                return Ok(false);
            }
        }

        // Paths listed under `public_paths` in edge.yaml (status page,
        // ACME challenges) are served without an API key.
        if self.cfg.is_public(&path) {
            return Ok(false);
        }

        let presented = bearer(session.req_header().headers.get("authorization"));
        let Some(principal) = presented.and_then(|key| self.keys.authenticate(key, &path)) else {
            session.respond_error(401).await;
            return Ok(true);
        };
        if !self.limiter.check(&principal.key_id, &route, principal.tier) {
            session.respond_error(429).await;
            return Ok(true);
        }
        ctx.principal = Some(principal);
        Ok(false)
    }

    async fn upstream_peer(&self, session: &mut Session, ctx: &mut Self::CTX) -> Result<Box<HttpPeer>> {
        let route = ctx
            .route
            .as_ref()
            .ok_or_else(|| Error::explain(ErrorType::InternalError, "route missing from context"))?;
        let client_ip = session.client_addr().and_then(|a| a.as_inet()).map(|a| a.ip());
        let addr = self
            .upstreams
            .select_addr(route, client_ip)
            .ok_or_else(|| Error::explain(ErrorType::ConnectNoRoute, "every upstream for the route is drained"))?;
        ctx.upstream = Some(addr.clone());
        Ok(build_peer(route, &addr))
    }

    async fn upstream_request_filter(
        &self,
        _session: &mut Session,
        upstream_request: &mut RequestHeader,
        ctx: &mut Self::CTX,
    ) -> Result<()> {
        upstream_request.remove_header("authorization");
        upstream_request.remove_header("x-edge-internal");
        if let Some(route) = &ctx.route {
            if route.tls {
                upstream_request.insert_header("host", route.sni.as_str())?;
            }
        }
        let key_id = match (&ctx.principal, ctx.internal) {
            (Some(p), _) => p.key_id.clone(),
            (None, true) => "edge-internal".to_string(),
            (None, false) => "anonymous".to_string(),
        };
        sign_request(upstream_request, &key_id)
    }

    fn upstream_response_filter(
        &self,
        _session: &mut Session,
        upstream_response: &mut ResponseHeader,
        _ctx: &mut Self::CTX,
    ) {
        // The trait hands us the session and context; only the header is needed.
        upstream_response.remove_header("server");
        upstream_response.remove_header("x-powered-by");
    }

    async fn logging(&self, session: &mut Session, e: Option<&Error>, ctx: &mut Self::CTX) {
        let req = session.req_header();
        let status = session.response_written().map_or(0, |r| r.status.as_u16());
        let client = session.client_addr().map(|a| a.to_string()).unwrap_or_default();
        let ts = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let method = req.method.to_string();
        self.access_log.write(&AccessRecord {
            ts,
            client: &client,
            key_id: ctx.principal.as_ref().map(|p| p.key_id.as_str()),
            method: &method,
            path: req.uri.path(),
            status,
            upstream: ctx.upstream.as_deref(),
            error: e.map(|e| e.to_string()),
            duration_ms: ctx.started.elapsed().as_millis(),
        });
    }
}
