use std::{env, net::SocketAddr, path::PathBuf};

use anyhow::{bail, Context};

#[derive(Clone, Debug)]
pub struct Config {
    pub http_addr: SocketAddr,
    pub grpc_addr: SocketAddr,
    pub database_url: String,
    pub admin_token: String,
    pub internal_callers: Vec<(String, String)>,
    pub pricing_feed_url: String,
    pub pricing_feed_key: String,
    pub pricing_feed_secret: String,
    pub pricing_ca_pem: Option<PathBuf>,
    pub cdn_purge_url: String,
    pub cdn_token: String,
    pub media_dir: PathBuf,
}

const PLACEHOLDERS: &[&str] = &["", "changeme", "change-me", "secret"];

fn var(name: &str) -> anyhow::Result<String> {
    env::var(name).with_context(|| format!("{name} must be set"))
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let admin_token = var("CATALOG_ADMIN_TOKEN")?;
        if PLACEHOLDERS.contains(&admin_token.as_str()) || admin_token.len() < 32 {
            bail!("CATALOG_ADMIN_TOKEN is a placeholder or too short");
        }

        // CATALOG_INTERNAL_CALLERS="search-indexer=tok1,merch-tool=tok2"
        let internal_callers = var("CATALOG_INTERNAL_CALLERS")?
            .split(',')
            .filter_map(|pair| pair.split_once('='))
            .map(|(name, token)| (name.trim().to_owned(), token.trim().to_owned()))
            .collect();

        Ok(Self {
            http_addr: env::var("CATALOG_HTTP_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".into()).parse()?,
            grpc_addr: env::var("CATALOG_GRPC_ADDR").unwrap_or_else(|_| "0.0.0.0:8081".into()).parse()?,
            database_url: env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://catalog:Qm4vT9pX2rLw@db-catalog.prod.internal:5432/catalog".into()),
            admin_token,
            internal_callers,
            pricing_feed_url: env::var("PRICING_FEED_URL").unwrap_or_else(|_| "https://feed.pricewire.io".into()),
            pricing_feed_key: var("PRICING_FEED_KEY")?,
            pricing_feed_secret: var("PRICING_FEED_SECRET")?,
            pricing_ca_pem: env::var("PRICING_CA_PEM").ok().map(PathBuf::from),
            cdn_purge_url: env::var("CDN_PURGE_URL").unwrap_or_else(|_| "https://purge.edgecache.net/v1".into()),
            cdn_token: var("CDN_TOKEN")?,
            media_dir: env::var("CATALOG_MEDIA_DIR").map(PathBuf::from).unwrap_or_else(|_| PathBuf::from("/Users/ravi/dev/catalog/media")),
        })
    }
}
