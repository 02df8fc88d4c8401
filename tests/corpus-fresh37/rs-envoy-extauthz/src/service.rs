use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use envoy_types::ext_authz::v3::pb::{
    Authorization, CheckRequest, CheckResponse, DeniedHttpResponse, HeaderValue, HeaderValueOption,
    HttpResponse, HttpStatus, HttpStatusCode, OkHttpResponse,
};
use envoy_types::pb::google::rpc;
use tonic::{Request, Response, Status};

use crate::cache::DecisionCache;
use crate::credentials::{parse_basic, verify_hmac, ApiKeyStore, SignedRequest};
use crate::jwt::JwtVerifier;
use crate::ldap::Directory;
use crate::policy::{PolicyTable, Requirement};

const RPC_OK: i32 = 0;
const RPC_PERMISSION_DENIED: i32 = 7;
const RPC_UNAUTHENTICATED: i32 = 16;
const HMAC_MAX_SKEW: Duration = Duration::from_secs(300);

pub struct AuthzService {
    pub policies: Arc<ArcSwap<PolicyTable>>,
    pub api_keys: ApiKeyStore,
    pub hmac_secrets: HashMap<String, Vec<u8>>,
    pub jwt: Arc<JwtVerifier>,
    pub directory: Arc<dyn Directory>,
    pub cache: Arc<DecisionCache>,
}

fn allow(subject: &str, method: &str) -> CheckResponse {
    let header = |key: &str, value: &str| HeaderValueOption {
        header: Some(HeaderValue {
            key: key.to_string(),
            value: value.to_string(),
            ..Default::default()
        }),
        ..Default::default()
    };
    CheckResponse {
        status: Some(rpc::Status {
            code: RPC_OK,
            ..Default::default()
        }),
        http_response: Some(HttpResponse::OkResponse(OkHttpResponse {
            headers: vec![
                header("x-auth-subject", subject),
                header("x-auth-method", method),
            ],
            headers_to_remove: vec!["authorization".into(), "x-api-key".into()],
            ..Default::default()
        })),
        ..Default::default()
    }
}

fn deny(http: HttpStatusCode, message: &str) -> CheckResponse {
    let code = if http == HttpStatusCode::Forbidden {
        RPC_PERMISSION_DENIED
    } else {
        RPC_UNAUTHENTICATED
    };
    CheckResponse {
        status: Some(rpc::Status {
            code,
            message: message.to_string(),
            ..Default::default()
        }),
        http_response: Some(HttpResponse::DeniedResponse(DeniedHttpResponse {
            status: Some(HttpStatus { code: http as i32 }),
            body: format!("{{\"error\":\"{message}\"}}"),
            ..Default::default()
        })),
        ..Default::default()
    }
}

fn unauthorized(message: &str) -> CheckResponse {
    deny(HttpStatusCode::Unauthorized, message)
}

impl AuthzService {
    async fn decide(
        &self,
        requirement: Requirement,
        method: &str,
        path: &str,
        headers: &HashMap<String, String>,
    ) -> Result<CheckResponse, Status> {
        let response = match requirement {
            Requirement::Anonymous => allow("anonymous", "none"),
            Requirement::ApiKey { scope } => {
                let Some(header) = headers.get("x-api-key") else {
                    return Ok(unauthorized("api key required"));
                };
                match self.api_keys.authenticate(header) {
                    Some(key) if scope.as_ref().map_or(true, |s| key.scopes.contains(s)) => {
                        allow(&format!("apikey:{}", key.id), "api_key")
                    }
                    Some(_) => deny(HttpStatusCode::Forbidden, "api key lacks scope"),
                    None => unauthorized("invalid api key"),
                }
            }
            Requirement::Hmac => {
                let (Some(client), Some(timestamp), Some(signature)) = (
                    headers.get("x-client-id"),
                    headers.get("x-timestamp"),
                    headers.get("x-signature"),
                ) else {
                    return Ok(unauthorized("signed request required"));
                };
                let Some(secret) = self.hmac_secrets.get(client) else {
                    return Ok(unauthorized("unknown client"));
                };
                let signed = SignedRequest {
                    method,
                    path,
                    timestamp,
                    signature_hex: signature,
                };
                if verify_hmac(secret, &signed, HMAC_MAX_SKEW) {
                    allow(&format!("client:{client}"), "hmac")
                } else {
                    unauthorized("bad signature")
                }
            }
            Requirement::Jwt { role } => {
                let Some(token) = headers
                    .get("authorization")
                    .and_then(|value| value.strip_prefix("Bearer "))
                else {
                    return Ok(unauthorized("bearer token required"));
                };
                match self.jwt.validate(token, self.jwt.audience()) {
                    Ok(claims)
                        if role
                            .as_ref()
                            .map_or(true, |r| claims.roles.iter().any(|have| have == r)) =>
                    {
                        allow(&claims.sub, "jwt")
                    }
                    Ok(_) => deny(HttpStatusCode::Forbidden, "missing role"),
                    Err(err) => {
                        tracing::debug!(error = %err, "jwt rejected");
                        unauthorized("invalid token")
                    }
                }
            }
            Requirement::Basic => {
                let Some((user, password)) =
                    headers.get("authorization").and_then(|h| parse_basic(h))
                else {
                    return Ok(unauthorized("basic credentials required"));
                };
                let key = DecisionCache::key("basic", &format!("{user}:{password}"));
                if let Some(subject) = self.cache.get(&key) {
                    return Ok(allow(&subject, "basic"));
                }
                match self.directory.authenticate(&user, &password).await {
                    Ok(Some(dn)) => {
                        self.cache.insert(key, dn.clone());
                        allow(&dn, "basic")
                    }
                    Ok(None) => unauthorized("invalid credentials"),
                    Err(err) => {
                        tracing::error!(error = %err, "ldap unavailable");
                        return Err(Status::unavailable("directory unavailable"));
                    }
                }
            }
            Requirement::ClientCert => {
                return Err(Status::unimplemented("client certificate policies"));
            }
        };
        Ok(response)
    }
}

#[tonic::async_trait]
impl Authorization for AuthzService {
    async fn check(
        &self,
        request: Request<CheckRequest>,
    ) -> Result<Response<CheckResponse>, Status> {
        let request = request.into_inner();
        let http = request
            .attributes
            .as_ref()
            .and_then(|attributes| attributes.request.as_ref())
            .and_then(|req| req.http.as_ref())
            .ok_or_else(|| Status::invalid_argument("http attributes not populated by envoy"))?;

        // CORS preflights carry no credentials; the gateway's CORS filter answers them
        // and they never reach an upstream handler.
        if http.method == "OPTIONS" && http.headers.contains_key("access-control-request-method") {
            return Ok(Response::new(allow("anonymous", "preflight")));
        }

        let requirement = self.policies.load().requirement(&http.method, &http.path);
        let response = self
            .decide(requirement.clone(), &http.method, &http.path, &http.headers)
            .await?;
        tracing::info!(
            method = %http.method,
            path = %http.path,
            ?requirement,
            allowed = response.status.as_ref().map_or(false, |s| s.code == RPC_OK),
            "check"
        );
        Ok(Response::new(response))
    }
}
