use deadpool_postgres::{CreatePoolError, ManagerConfig, Pool, PoolError, RecyclingMethod, Runtime};
use native_tls::{Certificate, TlsConnector};
use postgres_native_tls::MakeTlsConnector;

use crate::config::Config;
use crate::handler::OrderEvent;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not get a database connection: {0}")]
    Pool(#[from] PoolError),
    #[error("query failed: {0}")]
    Query(#[from] tokio_postgres::Error),
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("cannot read Postgres CA file {path}: {source}")]
    CaFile { path: String, source: std::io::Error },
    #[error("TLS setup failed: {0}")]
    Tls(#[from] native_tls::Error),
    #[error(transparent)]
    Pool(#[from] CreatePoolError),
}

pub fn build_pool(cfg: &Config) -> Result<Pool, SetupError> {
    let pem = std::fs::read(&cfg.pg_ca_file).map_err(|source| SetupError::CaFile {
        path: cfg.pg_ca_file.clone(),
        source,
    })?;
    let connector = TlsConnector::builder()
        .add_root_certificate(Certificate::from_pem(&pem)?)
        // the private CA is pinned above, but hostnames must still match
        .danger_accept_invalid_hostnames(false)
        .build()?;

    let mut pg = deadpool_postgres::Config::new();
    pg.host = Some(cfg.pg_host.clone());
    pg.port = Some(cfg.pg_port);
    pg.user = Some(cfg.pg_user.clone());
    pg.password = Some(cfg.pg_password.clone());
    pg.dbname = Some(cfg.pg_dbname.clone());
    pg.application_name = Some("order-ingest".into());
    pg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    pg.pool = Some(deadpool_postgres::PoolConfig::new(cfg.pg_pool_size));
    Ok(pg.create_pool(Some(Runtime::Tokio1), MakeTlsConnector::new(connector))?)
}

#[derive(Clone)]
pub struct Store {
    pool: Pool,
}

impl Store {
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }

    /// Inserts or updates an order; older versions never overwrite newer ones.
    pub async fn upsert_order(&self, event: &OrderEvent) -> Result<u64, StoreError> {
        let client = self.pool.get().await?;
        let stmt = client
            .prepare_cached(
                "INSERT INTO orders (order_id, tenant_id, status, total_cents, currency, version, occurred_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (order_id) DO UPDATE
                   SET status = EXCLUDED.status,
                       total_cents = EXCLUDED.total_cents,
                       version = EXCLUDED.version,
                       occurred_at = EXCLUDED.occurred_at
                 WHERE orders.version < EXCLUDED.version",
            )
            .await?;
        Ok(client
            .execute(
                &stmt,
                &[
                    &event.order_id,
                    &event.tenant_id,
                    &event.status,
                    &event.total_cents,
                    &event.currency,
                    &event.version,
                    &event.occurred_at,
                ],
            )
            .await?)
    }

    pub async fn operator_credentials(&self, operator: &str) -> Result<Option<(String, String)>, StoreError> {
        let client = self.pool.get().await?;
        let row = client
            .query_opt(
                "SELECT token_sha256, role FROM ingest_operators WHERE name = $1 AND disabled_at IS NULL",
                &[&operator],
            )
            .await?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    }

    pub async fn record_admin_action(&self, operator: &str, action: &str, detail: &serde_json::Value) -> Result<(), StoreError> {
        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO ingest_admin_log (operator, action, detail) VALUES ($1, $2, $3)",
                &[&operator, &action, detail],
            )
            .await?;
        Ok(())
    }
}
