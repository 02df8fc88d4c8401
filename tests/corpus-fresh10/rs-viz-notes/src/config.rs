use std::{env, net::SocketAddr, path::PathBuf};

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub database_url: String,
    pub jwt_secret: String,
    pub admin_token: String,
    pub static_dir: PathBuf,
    pub webhook_url: Option<String>,
    pub webhook_key: Option<String>,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let listen = env::var("NOTES_LISTEN")
            .unwrap_or_else(|_| "0.0.0.0:8080".into())
            .parse()?;
        let database_url = env::var("DATABASE_URL")
            .map_err(|_| anyhow::anyhow!("DATABASE_URL must be set"))?;
        let jwt_secret = env::var("NOTES_JWT_SECRET")
            .unwrap_or_else(|_| "8f3b1c9e4d7a2f6b0e5c8d1a9f4b7e2c6d0a3f8b5e1c9d4a7f2b6e0c3d8a5f1b".to_string());
        let admin_token = env::var("NOTES_ADMIN_TOKEN")
            .map_err(|_| anyhow::anyhow!("NOTES_ADMIN_TOKEN must be set"))?;
        let static_dir = env::var_os("NOTES_STATIC_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/share/notes-service/public"));

        Ok(Self {
            listen,
            database_url,
            jwt_secret,
            admin_token,
            static_dir,
            webhook_url: env::var("NOTES_WEBHOOK_URL").ok(),
            webhook_key: env::var("NOTES_WEBHOOK_KEY").ok(),
        })
    }
}
