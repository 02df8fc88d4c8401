use actix_web::{middleware, web, App, HttpRequest, HttpResponse, HttpServer};
use sqlx::postgres::PgPoolOptions;
use std::sync::Arc;
use std::time::Duration;
use stockroom::auth::user_from_request;
use stockroom::config::Config;
use stockroom::context::Context;
use stockroom::schema::{create_schema, Schema};
use stockroom::supplier::SupplierClient;
use stockroom::webhook::{supplier_order_event, WebhookSecret};

struct AppState {
    schema: Schema,
    config: Config,
    supplier: SupplierClient,
}

async fn graphql(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<Arc<AppState>>,
    pool: web::Data<sqlx::PgPool>,
) -> actix_web::Result<HttpResponse> {
    let user = user_from_request(&req, &state.config.jwt_secret, &state.config.service_token);
    let ctx = Context { pool: pool.get_ref().clone(), supplier: state.supplier.clone(), user };
    juniper_actix::graphql_handler(&state.schema, &ctx, req, payload).await
}

async fn graphiql() -> actix_web::Result<HttpResponse> {
    juniper_actix::graphiql_handler("/graphql", None).await
}

// Readiness probe for the load balancer.
async fn healthz(pool: web::Data<sqlx::PgPool>) -> HttpResponse {
    match sqlx::query("SELECT 1").execute(pool.get_ref()).await {
        Ok(_) => HttpResponse::Ok().body("ok"),
        Err(_) => HttpResponse::ServiceUnavailable().finish(),
    }
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();
    let config = Config::from_env()?;
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&config.database_url)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;

    let supplier = SupplierClient::new(&config.supplier_base_url, &config.supplier_api_key)?;
    stockroom::reorder::spawn(pool.clone(), supplier.clone(), Duration::from_secs(config.reorder_every_secs));

    let bind = config.bind.clone();
    let webhook_secret = web::Data::new(WebhookSecret(config.supplier_webhook_secret.clone()));
    let state = web::Data::new(Arc::new(AppState { schema: create_schema(), config, supplier }));
    let pool = web::Data::new(pool);

    tracing::info!(%bind, "stockroom listening");
    HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(pool.clone())
            .app_data(webhook_secret.clone())
            .wrap(middleware::Logger::default())
            .route("/graphql", web::post().to(graphql))
            .route("/graphiql", web::get().to(graphiql))
            .route("/healthz", web::get().to(healthz))
            .route("/webhooks/northwind", web::post().to(supplier_order_event))
    })
    .bind(bind)?
    .run()
    .await?;
    Ok(())
}
