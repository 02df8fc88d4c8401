use std::sync::Arc;

use sqlx::PgPool;

use crate::{cdn::CdnClient, config::Config, pricing::PricingFeed};

pub struct AppState {
    pub config: Config,
    pub pool: PgPool,
    pub pricing: PricingFeed,
    pub cdn: CdnClient,
}

pub type SharedState = Arc<AppState>;
