use std::{collections::HashMap, env, path::PathBuf};

use anyhow::Context;
use teloxide::types::{ChatId, UserId};

use crate::payments::API_KEY_ENV;

#[derive(Debug, Clone)]
pub struct Config {
    pub bot_token: String,
    pub admin_ids: Vec<UserId>,
    pub admin_invite_code: String,
    pub ops_chat_id: ChatId,
    pub db_path: PathBuf,
    pub payments_base_url: String,
    pub payments_api_key: String,
    pub currency: String,
    pub desk_price_cents: i64,
    pub zone_capacity: HashMap<String, usize>,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let admin_ids = env::var("ADMIN_IDS")
            .unwrap_or_default()
            .split(',')
            .filter_map(|s| s.trim().parse::<u64>().ok())
            .map(UserId)
            .collect();

        let zone_capacity = HashMap::from([
            ("quiet".to_string(), env_num("CAPACITY_QUIET", 12)),
            ("open".to_string(), env_num("CAPACITY_OPEN", 30)),
            ("booth".to_string(), env_num("CAPACITY_BOOTH", 4)),
        ]);

        Ok(Self {
            bot_token: env::var("TELOXIDE_TOKEN")
                .unwrap_or_else(|_| "6712345890:AAH3kq9ZxV2mT8pLw0sYdN4rB7cE1fGhJkQ".to_string()),
            admin_ids,
            admin_invite_code: env::var("ADMIN_INVITE_CODE")
                .context("ADMIN_INVITE_CODE is required")?,
            ops_chat_id: ChatId(env_num("OPS_CHAT_ID", 0)),
            db_path: env::var("COWORKBOT_DB")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/var/lib/coworkbot/bot.sqlite3")),
            payments_base_url: env::var("PAYMENTS_BASE_URL")
                .unwrap_or_else(|_| "https://api.paydesk.io/".to_string()),
            payments_api_key: env::var(API_KEY_ENV)
                .with_context(|| format!("{API_KEY_ENV} is required"))?,
            currency: env::var("CURRENCY").unwrap_or_else(|_| "EUR".to_string()),
            desk_price_cents: env_num("DESK_PRICE_CENTS", 1500),
            zone_capacity,
        })
    }

    pub fn capacity(&self, zone: &str) -> usize {
        self.zone_capacity.get(zone).copied().unwrap_or(0)
    }
}

fn env_num<T: std::str::FromStr>(key: &str, default: T) -> T {
    env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
