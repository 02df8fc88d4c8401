use std::sync::Arc;

use sqlx::PgPool;

use crate::carrier::CarrierClient;
use crate::config::Config;

#[derive(Clone)]
pub struct State {
    pub db: PgPool,
    pub carrier: Arc<CarrierClient>,
    pub config: Arc<Config>,
}

impl State {
    pub fn new(db: PgPool, carrier: CarrierClient, config: Config) -> Self {
        Self { db, carrier: Arc::new(carrier), config: Arc::new(config) }
    }
}
