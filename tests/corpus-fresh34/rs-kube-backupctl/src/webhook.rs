//! Validating admission webhook for BackupSchedule plus a small operations API,
//! served on one TLS listener.

use std::{
    convert::Infallible, fs::File, io::BufReader, net::SocketAddr, path::Path, str::FromStr,
    sync::Arc,
};

use chrono::Utc;
use http_body_util::{BodyExt, Full};
use hyper::{
    body::{Bytes, Incoming},
    header::{AUTHORIZATION, CONTENT_TYPE},
    server::conn::http1,
    service::service_fn,
    Method, Request, Response, StatusCode,
};
use hyper_util::rt::TokioIo;
use kube::{
    api::{Api, Patch, PatchParams},
    core::admission::{AdmissionRequest, AdmissionResponse, AdmissionReview},
    Client,
};
use serde_json::json;
use tokio::net::TcpListener;
use tokio_rustls::{rustls::ServerConfig, TlsAcceptor};
use tracing::{debug, info, warn};

use crate::{
    controller::TRIGGER_ANNOTATION,
    crd::{BackupSchedule, BackupScheduleSpec},
};

pub struct WebhookState {
    pub client: Client,
    pub ops_token: String,
}

type Resp = Response<Full<Bytes>>;

fn text(status: StatusCode, body: &'static str) -> Resp {
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "text/plain")
        .body(Full::new(Bytes::from_static(body.as_bytes())))
        .unwrap()
}

fn json_response(status: StatusCode, body: Vec<u8>) -> Resp {
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(body)))
        .unwrap()
}

pub fn validate_spec(spec: &BackupScheduleSpec) -> Result<(), String> {
    cron::Schedule::from_str(&spec.schedule)
        .map_err(|e| format!("schedule is not a valid cron expression: {e}"))?;
    if !(1..=3650).contains(&spec.retention_days) {
        return Err("retention_days must be between 1 and 3650".into());
    }
    if spec.target.host.trim().is_empty() || spec.target.database.trim().is_empty() {
        return Err("target.host and target.database are required".into());
    }
    if spec.target.credentials_secret.trim().is_empty() {
        return Err("target.credentialsSecret is required".into());
    }
    if let Some(key) = spec
        .labels
        .keys()
        .find(|k| k.len() > 63 || k.starts_with("backupctl/"))
    {
        return Err(format!("label key {key:?} is too long or reserved"));
    }
    Ok(())
}

async fn validate(req: Request<Incoming>) -> Resp {
    let body = match req.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return text(StatusCode::BAD_REQUEST, "unreadable body"),
    };
    let review: AdmissionReview<BackupSchedule> = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(_) => return text(StatusCode::BAD_REQUEST, "not an AdmissionReview"),
    };
    let request: AdmissionRequest<BackupSchedule> = match review.try_into() {
        Ok(r) => r,
        Err(_) => return text(StatusCode::BAD_REQUEST, "AdmissionReview without request"),
    };
    let mut response = AdmissionResponse::from(&request);
    if let Some(obj) = &request.object {
        if let Err(reason) = validate_spec(&obj.spec) {
            info!(name = %request.name, %reason, "denied BackupSchedule");
            response = response.deny(reason);
        }
    }
    json_response(
        StatusCode::OK,
        serde_json::to_vec(&response.into_review()).unwrap(),
    )
}

async fn convert(_req: Request<Incoming>) -> Resp {
    todo!("conversion between backups.lumen.dev/v1alpha1 and v1beta1")
}

fn check_bearer<B>(req: &Request<B>, expected: &str) -> Result<(), Resp> {
    let header = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let token = header.strip_prefix("Bearer ").unwrap_or_default();
    if token.is_empty() || token != expected {
        return Err(text(StatusCode::UNAUTHORIZED, "unauthorized"));
    }
    Ok(())
}

impl WebhookState {
    fn authorize<B>(&self, req: &Request<B>) -> Result<(), Resp> {
        check_bearer(req, &self.ops_token)
    }

    async fn patch_schedule(&self, ns: &str, name: &str, patch: serde_json::Value) -> Resp {
        let api: Api<BackupSchedule> = Api::namespaced(self.client.clone(), ns);
        match api
            .patch(name, &PatchParams::default(), &Patch::Merge(patch))
            .await
        {
            Ok(_) => text(StatusCode::ACCEPTED, "accepted"),
            Err(kube::Error::Api(ae)) if ae.code == 404 => {
                text(StatusCode::NOT_FOUND, "no such schedule")
            }
            Err(err) => {
                warn!(%err, ns, name, "ops patch failed");
                text(StatusCode::BAD_GATEWAY, "kubernetes api error")
            }
        }
    }
}

async fn route(req: Request<Incoming>, state: Arc<WebhookState>) -> Result<Resp, Infallible> {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let resp = match (&method, segments.as_slice()) {
        (&Method::GET, ["healthz"]) | (&Method::GET, ["readyz"]) => text(StatusCode::OK, "ok"),
        // Called by the API server over TLS with the caBundle from the
        // ValidatingWebhookConfiguration; admission reviews carry no bearer token.
        (&Method::POST, ["validate"]) => validate(req).await,
        (&Method::POST, ["convert"]) => convert(req).await,
        (&Method::POST, ["ops", "pause", ns, name]) => match state.authorize(&req) {
            Ok(()) => {
                state
                    .patch_schedule(ns, name, json!({ "spec": { "suspend": true } }))
                    .await
            }
            Err(denied) => denied,
        },
        (&Method::POST, ["ops", "resume", ns, name]) => match state.authorize(&req) {
            Ok(()) => {
                state
                    .patch_schedule(ns, name, json!({ "spec": { "suspend": false } }))
                    .await
            }
            Err(denied) => denied,
        },
        (&Method::POST, ["ops", "trigger", ns, name]) => {
            let stamp = Utc::now().to_rfc3339();
            state
                .patch_schedule(
                    ns,
                    name,
                    json!({ "metadata": { "annotations": { TRIGGER_ANNOTATION: stamp } } }),
                )
                .await
        }
        _ => text(StatusCode::NOT_FOUND, "not found"),
    };
    Ok(resp)
}

pub fn load_tls(cert: &Path, key: &Path) -> anyhow::Result<Arc<ServerConfig>> {
    let certs = rustls_pemfile::certs(&mut BufReader::new(File::open(cert)?))
        .collect::<Result<Vec<_>, _>>()?;
    let key = rustls_pemfile::private_key(&mut BufReader::new(File::open(key)?))?
        .ok_or_else(|| anyhow::anyhow!("no private key in {}", key.display()))?;
    // The API server verifies us via the caBundle; it does not present a client certificate.
    let config = ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(certs, key)?;
    Ok(Arc::new(config))
}

pub async fn serve(
    addr: SocketAddr,
    tls: Arc<ServerConfig>,
    state: Arc<WebhookState>,
) -> anyhow::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    let acceptor = TlsAcceptor::from(tls);
    info!(%addr, "webhook listening");
    loop {
        let (stream, peer) = listener.accept().await?;
        let acceptor = acceptor.clone();
        let state = state.clone();
        tokio::spawn(async move {
            let tls_stream = match acceptor.accept(stream).await {
                Ok(s) => s,
                Err(err) => {
                    debug!(%peer, %err, "tls handshake failed");
                    return;
                }
            };
            let svc = service_fn(move |req| route(req, state.clone()));
            if let Err(err) = http1::Builder::new()
                .serve_connection(TokioIo::new(tls_stream), svc)
                .await
            {
                debug!(%peer, %err, "connection closed with error");
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPS_TOKEN: &str = "test-ops-token";

    #[test]
    fn bearer_must_match() {
        let ok = Request::builder()
            .header(AUTHORIZATION, format!("Bearer {OPS_TOKEN}"))
            .body(())
            .unwrap();
        assert!(check_bearer(&ok, OPS_TOKEN).is_ok());

        let wrong = Request::builder()
            .header(AUTHORIZATION, "Bearer guessed")
            .body(())
            .unwrap();
        assert_eq!(
            check_bearer(&wrong, OPS_TOKEN).unwrap_err().status(),
            StatusCode::UNAUTHORIZED
        );
    }
}
