use std::sync::Arc;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgSslMode};

use crate::{carrier::CarrierClient, config::Config};

#[derive(Clone)]
pub struct State {
    pub pool: PgPool,
    pub carrier: Arc<CarrierClient>,
    pub config: Arc<Config>,
}

impl State {
    pub async fn connect(config: Config) -> anyhow::Result<Self> {
        let mut opts: PgConnectOptions = config.database_url.parse()?;
        if let Some(ca) = &config.db_ssl_root_cert {
            opts = opts.ssl_mode(PgSslMode::VerifyFull).ssl_root_cert(ca);
        }
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .connect_with(opts)
            .await?;
        let carrier = CarrierClient::new(&config.carrier_base_url, &config.carrier_api_key)?;
        Ok(Self {
            pool,
            carrier: Arc::new(carrier),
            config: Arc::new(config),
        })
    }
}
