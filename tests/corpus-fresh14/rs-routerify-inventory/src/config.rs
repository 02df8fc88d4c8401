use std::env;

const DEFAULT_JWT_SECRET: &str = "4c9e1b7a2f8d3e6c5a0b9d8e7f6a1c2b3d4e5f60718293a4b5c6d7e8f9a0b1c2";

#[derive(Clone, Debug)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub jwt_secret: String,
    pub api_key: String,
    pub webhook_secret: Vec<u8>,
}

impl Config {
    pub fn from_env() -> Result<Self, String> {
        Ok(Config {
            bind: env::var("BIND_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".to_string()),
            database_url: env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set".to_string())?,
            jwt_secret: env::var("JWT_SECRET").unwrap_or_else(|_| DEFAULT_JWT_SECRET.to_string()),
            api_key: env::var("INVENTORY_API_KEY").map_err(|_| "INVENTORY_API_KEY is not set".to_string())?,
            webhook_secret: env::var("WEBHOOK_SECRET").unwrap_or_default().into_bytes(),
        })
    }
}
