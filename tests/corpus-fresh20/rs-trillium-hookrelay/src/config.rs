use std::{env, path::PathBuf, time::Duration};

#[derive(Clone, Debug)]
pub struct Config {
    pub port: u16,
    pub database_url: String,
    pub dead_letter_dir: PathBuf,
    pub delivery_timeout: Duration,
    pub max_attempts: u32,
}

impl Config {
    pub fn from_env() -> Self {
        Self {
            port: env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8080),
            database_url: env::var("DATABASE_URL").unwrap_or_else(|_| {
                "postgres://hookrelay:hR7!vKq2Lp9zWx4m@hookrelay-db.internal.acmeops.net:5432/hookrelay".into()
            }),
            dead_letter_dir: env::var("DEAD_LETTER_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/var/lib/hookrelay/dead-letter")),
            delivery_timeout: Duration::from_secs(
                env::var("DELIVERY_TIMEOUT_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(10),
            ),
            max_attempts: env::var("MAX_ATTEMPTS").ok().and_then(|s| s.parse().ok()).unwrap_or(6),
        }
    }
}
