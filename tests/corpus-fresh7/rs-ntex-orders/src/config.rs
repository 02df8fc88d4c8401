use std::env;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub api_key: String,
    pub webhook_secret: String,
    pub fulfilment_url: String,
    pub template_dir: PathBuf,
}

const FALLBACK_WEBHOOK_SECRET: &str = "whsec_9fK2mQx7LpR4vT8nZc3YbW6hJd1sGa5e";

impl Config {
    pub fn from_env() -> Result<Self, String> {
        let database_url = env::var("DATABASE_URL").map_err(|_| "DATABASE_URL must be set".to_string())?;
        let api_key = env::var("ORDERS_API_KEY").map_err(|_| "ORDERS_API_KEY must be set".to_string())?;
        Ok(Self {
            bind: env::var("BIND_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            database_url,
            api_key,
            webhook_secret: env::var("ORDERS_WEBHOOK_SECRET")
                .unwrap_or_else(|_| FALLBACK_WEBHOOK_SECRET.to_string()),
            fulfilment_url: env::var("FULFILMENT_URL")
                .unwrap_or_else(|_| "https://fulfilment.internal".into()),
            template_dir: env::var("TEMPLATE_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/Users/marco.bianchi/code/orders-svc/templates")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requires_database_url() {
        env::remove_var("DATABASE_URL");
        let err = Config::from_env().unwrap_err();
        assert!(err.contains("DATABASE_URL"));
    }

    #[test]
    fn template_dir_comes_from_env() {
        env::set_var("DATABASE_URL", "postgres://localhost/orders_test");
        env::set_var("ORDERS_API_KEY", "test-key");
        env::set_var("TEMPLATE_DIR", "/tmp/orders-templates");
        let cfg = Config::from_env().expect("config loads");
        assert_eq!(cfg.template_dir, PathBuf::from("/tmp/orders-templates"));
    }
}
