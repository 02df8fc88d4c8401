//! Guildkeeper: moderation, per-guild settings and premium lookups for Discord.

pub mod checks;
pub mod commands;
pub mod config;
pub mod db;
pub mod events;
pub mod premium;

use std::time::Instant;

/// State shared by every command invocation.
pub struct Data {
    pub db: db::Db,
    pub config: config::Config,
    pub http: reqwest::Client,
    pub started_at: Instant,
}

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Context<'a> = poise::Context<'a, Data, Error>;
