use sqlx::PgPool;

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub api_key: String,
    pub webhook_secret: Vec<u8>,
}
