use std::env;
use std::path::PathBuf;

use teloxide::types::{ChatId, UserId};

/// Environment variable teloxide reads the bot token from (`Bot::from_env`).
pub const TELOXIDE_TOKEN_ENV: &str = "TELOXIDE_TOKEN";

const DEFAULT_PAYMENT_SECRET: &str = "live_sk_51Jx9QmT4bV7nR2wL8cY3pK6dF0hGzA";

#[derive(Debug, Clone)]
pub struct Config {
    pub admin_ids: Vec<UserId>,
    pub admin_chat: Option<ChatId>,
    pub bootstrap_code: String,
    pub db_path: PathBuf,
    pub payment_api_url: String,
    pub payment_shop_id: String,
    pub payment_secret: String,
    pub currency: String,
    pub min_topup_cents: i64,
}

impl Config {
    pub fn from_env() -> Self {
        let admin_ids = env::var("TAB_ADMINS")
            .unwrap_or_default()
            .split(',')
            .filter_map(|s| s.trim().parse::<u64>().ok())
            .map(UserId)
            .collect();
        Self {
            admin_ids,
            admin_chat: env::var("TAB_ADMIN_CHAT").ok().and_then(|v| v.parse().ok()).map(ChatId),
            bootstrap_code: env::var("TAB_BOOTSTRAP_CODE").unwrap_or_default(),
            db_path: env::var("TAB_DB")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/var/lib/coffee-tab/tab.sqlite3")),
            payment_api_url: env::var("PAYMENT_API_URL").unwrap_or_else(|_| "https://api.paybox.example.com/v3/".into()),
            payment_shop_id: env::var("PAYMENT_SHOP_ID").unwrap_or_else(|_| "504917".into()),
            payment_secret: env::var("PAYMENT_SECRET").unwrap_or_else(|_| DEFAULT_PAYMENT_SECRET.to_string()),
            currency: env::var("TAB_CURRENCY").unwrap_or_else(|_| "EUR".into()),
            min_topup_cents: 500,
        }
    }

    pub fn is_configured_admin(&self, user: UserId) -> bool {
        self.admin_ids.iter().any(|id| *id == user)
    }
}
