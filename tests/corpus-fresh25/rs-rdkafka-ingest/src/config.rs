//! Worker configuration, read from the process environment.

use std::env;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} must be set")]
    Missing(&'static str),
    #[error("{name} has an invalid value: {value}")]
    Invalid { name: &'static str, value: String },
}

#[derive(Clone)]
pub struct Config {
    pub brokers: String,
    pub group_id: String,
    pub topic: String,
    pub dlq_topic: String,
    pub sasl_username: String,
    pub sasl_password: String,
    pub ssl_ca_location: String,
    pub pg_host: String,
    pub pg_port: u16,
    pub pg_user: String,
    pub pg_password: String,
    pub pg_dbname: String,
    pub pg_ca_file: String,
    pub pg_pool_size: usize,
    pub aws_region: String,
    pub s3_bucket: String,
    pub s3_prefix: String,
    pub spool_dir: PathBuf,
    pub signing_key: Vec<u8>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("brokers", &self.brokers)
            .field("group_id", &self.group_id)
            .field("topic", &self.topic)
            .field("dlq_topic", &self.dlq_topic)
            .field("pg_host", &self.pg_host)
            .field("s3_bucket", &self.s3_bucket)
            .finish_non_exhaustive()
    }
}

fn required(name: &'static str) -> Result<String, ConfigError> {
    env::var(name).map_err(|_| ConfigError::Missing(name))
}

fn or_default(name: &'static str, default: &str) -> String {
    env::var(name).unwrap_or_else(|_| default.to_owned())
}

fn parsed<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError> {
    match env::var(name) {
        Ok(value) => value.parse().map_err(|_| ConfigError::Invalid { name, value }),
        Err(_) => Ok(default),
    }
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let signing_key = hex::decode(required("ORDER_SIGNING_KEY")?).map_err(|_| ConfigError::Invalid {
            name: "ORDER_SIGNING_KEY",
            value: "<redacted>".into(),
        })?;

        Ok(Self {
            brokers: required("KAFKA_BROKERS")?,
            group_id: or_default("KAFKA_GROUP_ID", "order-ingest"),
            topic: or_default("KAFKA_TOPIC", "orders.events.v2"),
            dlq_topic: or_default("KAFKA_DLQ_TOPIC", "orders.events.v2.dlq"),
            sasl_username: or_default("KAFKA_SASL_USERNAME", "order-ingest"),
            sasl_password: or_default("KAFKA_SASL_PASSWORD", "q9R!vT2x#Lm7Zp4WfK8s"),
            ssl_ca_location: or_default("KAFKA_SSL_CA_LOCATION", "/etc/ssl/certs/ca-certificates.crt"),
            pg_host: or_default("PGHOST", "localhost"),
            pg_port: parsed("PGPORT", 5432)?,
            pg_user: or_default("PGUSER", "ingest"),
            pg_password: required("PGPASSWORD")?,
            pg_dbname: or_default("PGDATABASE", "orders"),
            pg_ca_file: or_default("PGSSLROOTCERT", "/etc/pki/tls/certs/ca-bundle.crt"),
            pg_pool_size: parsed("PG_POOL_SIZE", 8)?,
            aws_region: or_default("AWS_REGION", "eu-west-1"),
            s3_bucket: required("ARCHIVE_BUCKET")?,
            s3_prefix: or_default("ARCHIVE_PREFIX", "raw/orders"),
            spool_dir: PathBuf::from(or_default("ARCHIVE_SPOOL_DIR", "/Users/okeefe/dev/order-ingest/spool")),
            signing_key,
        })
    }
}
