use std::sync::Arc;

use async_graphql::http::GraphiQLSource;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{Html, IntoResponse},
    routing::{get, post},
    Json, Router,
};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde::Deserialize;
use tower_http::trace::TraceLayer;

use stockroom::config::Config;
use stockroom::schema::{build_schema, AppSchema};
use stockroom::{auth, services, telemetry};

#[derive(Clone)]
struct AppState {
    schema: AppSchema,
    db: DatabaseConnection,
    config: Arc<Config>,
}

async fn graphql_handler(State(state): State<AppState>, headers: HeaderMap, req: GraphQLRequest) -> GraphQLResponse {
    let mut request = req.into_inner();
    if let Some(user) = auth::user_from_headers(&headers, &state.config) {
        request = request.data(user);
    }
    state.schema.execute(request).await.into()
}

async fn graphiql() -> impl IntoResponse {
    Html(GraphiQLSource::build().endpoint("/graphql").finish())
}

async fn health(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.execute_unprepared("SELECT 1").await {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::warn!(error = %err, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

#[derive(Deserialize)]
struct SyncRequest {
    skus: Vec<String>,
}

async fn internal_sync(State(state): State<AppState>, headers: HeaderMap, Json(body): Json<SyncRequest>) -> impl IntoResponse {
    if !auth::sync_token_valid(&headers, &state.config) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let client = match services::supplier::SupplierClient::new(&state.config) {
        Ok(c) => c,
        Err(err) => {
            tracing::error!(error = %err, "supplier client init failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    use services::supplier::SupplierApi;
    match client.stock_for(&body.skus).await {
        Ok(stock) => Json(serde_json::json!({ "updated": stock.len() })).into_response(),
        Err(err) => {
            tracing::error!(error = %err, "supplier sync failed");
            StatusCode::BAD_GATEWAY.into_response()
        }
    }
}

async fn supplier_webhook(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let signature = headers.get("x-supplier-signature").and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !auth::supplier_signature_valid(&state.config.supplier_webhook_secret, &body, signature) {
        return StatusCode::UNAUTHORIZED;
    }
    tracing::info!(bytes = body.len(), "supplier webhook accepted");
    StatusCode::ACCEPTED
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
    let config = Arc::new(Config::from_env()?);
    let db = Database::connect(&config.database_url).await?;
    let schema = build_schema(db.clone());
    let state = AppState { schema, db, config: config.clone() };

    let app = Router::new()
        .route("/graphql", get(graphiql).post(graphql_handler))
        .route("/health", get(health))
        .route("/internal/sync", post(internal_sync))
        .route("/webhooks/supplier", post(supplier_webhook))
        .layer(TraceLayer::new_for_http())
        .with_state(state);

    let listener = tokio::net::TcpListener::bind(&config.bind_addr).await?;
    tracing::info!(addr = %config.bind_addr, "stockroom listening");
    axum::serve(listener, app).with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
