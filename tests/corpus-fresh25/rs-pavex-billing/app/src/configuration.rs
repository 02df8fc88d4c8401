use std::env;

use pavex::blueprint::constructor::CloningStrategy;
use pavex::blueprint::Blueprint;
use pavex::{f, t};
use secrecy::{ExposeSecret, Secret};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgSslMode};

#[derive(Debug, Clone)]
pub struct AppConfig {
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub payments: PaymentsConfig,
    pub internal_api_key: Secret<String>,
}

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub host: String,
    pub port: u16,
    pub request_timeout_ms: u64,
}

#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    pub host: String,
    pub port: u16,
    pub username: String,
    pub password: Secret<String>,
    pub database_name: String,
    pub ssl_root_cert: String,
    pub max_connections: u32,
}

#[derive(Debug, Clone)]
pub struct PaymentsConfig {
    pub base_url: String,
    pub api_key: Secret<String>,
    pub webhook_secret: Secret<String>,
    pub timeout_ms: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("missing required environment variable {0}")]
    Missing(&'static str),
    #[error("environment variable {0} is not a valid number")]
    Invalid(&'static str),
}

pub fn register(bp: &mut Blueprint) {
    bp.prebuilt(t!(crate::configuration::AppConfig));
    bp.singleton(f!(crate::configuration::AppConfig::server))
        .cloning(CloningStrategy::CloneIfNecessary);
    bp.singleton(f!(crate::configuration::AppConfig::database))
        .cloning(CloningStrategy::CloneIfNecessary);
    bp.singleton(f!(crate::configuration::AppConfig::payments))
        .cloning(CloningStrategy::CloneIfNecessary);
    bp.singleton(f!(crate::configuration::DatabaseConfig::get_pool))
        .error_handler(f!(crate::routes::ApiError::from_startup));
}

fn var_or(name: &'static str, default: &str) -> String {
    env::var(name).unwrap_or_else(|_| default.to_string())
}

fn required(name: &'static str) -> Result<String, ConfigError> {
    env::var(name).map_err(|_| ConfigError::Missing(name))
}

fn number<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError> {
    match env::var(name) {
        Ok(raw) => raw.parse().map_err(|_| ConfigError::Invalid(name)),
        Err(_) => Ok(default),
    }
}

impl AppConfig {
    pub fn from_env() -> Result<Self, ConfigError> {
        Ok(Self {
            server: ServerConfig {
                host: var_or("APP_HOST", "0.0.0.0"),
                port: number("APP_PORT", 8000)?,
                request_timeout_ms: number("APP_REQUEST_TIMEOUT_MS", 15_000)?,
            },
            database: DatabaseConfig {
                host: var_or("PGHOST", "localhost"),
                port: number("PGPORT", 5432)?,
                username: var_or("PGUSER", "billing"),
                password: Secret::new(required("PGPASSWORD")?),
                database_name: var_or("PGDATABASE", "billing"),
                ssl_root_cert: var_or("PGSSLROOTCERT", "/etc/ssl/certs/ca-certificates.crt"),
                max_connections: number("PG_MAX_CONNECTIONS", 10)?,
            },
            payments: PaymentsConfig {
                base_url: var_or("PAYMENTS_BASE_URL", "https://api.paystream.io/v1"),
                api_key: Secret::new(var_or("PAYMENTS_API_KEY", "sk_live_51Pb7QwLk2e9XvR4mT8nZ0cY6hJ3sD1fGaUq")),
                webhook_secret: Secret::new(required("PAYMENTS_WEBHOOK_SECRET")?),
                timeout_ms: number("PAYMENTS_TIMEOUT_MS", 10_000)?,
            },
            internal_api_key: Secret::new(required("INTERNAL_API_KEY")?),
        })
    }

    pub fn server(&self) -> ServerConfig {
        self.server.clone()
    }

    pub fn database(&self) -> DatabaseConfig {
        self.database.clone()
    }

    pub fn payments(&self) -> PaymentsConfig {
        self.payments.clone()
    }
}

impl DatabaseConfig {
    pub fn connect_options(&self) -> PgConnectOptions {
        PgConnectOptions::new()
            .host(&self.host)
            .port(self.port)
            .username(&self.username)
            .password(self.password.expose_secret())
            .database(&self.database_name)
            .ssl_mode(PgSslMode::VerifyFull)
            .ssl_root_cert(&self.ssl_root_cert)
    }

    pub async fn get_pool(&self) -> Result<PgPool, sqlx::Error> {
        PgPoolOptions::new()
            .max_connections(self.max_connections)
            .acquire_timeout(std::time::Duration::from_secs(5))
            .connect_with(self.connect_options())
            .await
    }
}
