use std::sync::Arc;

use sqlx::PgPool;

use crate::{bank::BankClient, config::Config};

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub bank: Arc<BankClient>,
    pub config: Arc<Config>,
}
