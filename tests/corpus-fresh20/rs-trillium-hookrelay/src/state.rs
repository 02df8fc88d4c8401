use std::sync::Arc;

use sqlx::PgPool;

use crate::{config::Config, outbound::Deliverer};

#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    pub config: Arc<Config>,
    pub deliverer: Deliverer,
}

/// Identity attached to the conn by the auth handler.
#[derive(Clone, Debug)]
pub struct Caller {
    pub key_id: uuid::Uuid,
    pub owner_id: uuid::Uuid,
    pub is_admin: bool,
}
