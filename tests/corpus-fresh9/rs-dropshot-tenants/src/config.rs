use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: String,
    pub admin_token: String,
    pub billing_url: String,
    pub billing_api_key: String,
}

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            bind: env_or("BIND_ADDR", "0.0.0.0:8080").parse()?,
            database_url: std::env::var("DATABASE_URL")?,
            admin_token: std::env::var("ADMIN_TOKEN")?,
            billing_url: env_or("BILLING_URL", "https://billing.svc.cluster.local:8443"),
            billing_api_key: env_or("BILLING_API_KEY", "rk_live_51PzQ8cLr2VtX9mKb4NwYs7HdJ3fGe6TaUq0RiOx5Zl1CvBn8MkEy2Wp"),
        })
    }
}
