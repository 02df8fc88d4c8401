use shuttle_runtime::SecretStore;
use sqlx::PgPool;
use uptime_sentinel::{app, checker, config::Config, AppState};

#[shuttle_runtime::main]
async fn main(
    #[shuttle_shared_db::Postgres] pool: PgPool,
    #[shuttle_runtime::Secrets] secrets: SecretStore,
) -> shuttle_axum::ShuttleAxum {
    sqlx::migrate!("./migrations").run(&pool).await.map_err(shuttle_runtime::CustomError::new)?;

    let config = Config::from_secrets(&secrets)?;
    let state = AppState::new(pool, config)?;

    tokio::spawn(checker::run(state.clone()));

    Ok(app(state).into())
}
