use std::{env, path::PathBuf};

use anyhow::{bail, Context as _};
use twilight_model::id::{
    marker::{ChannelMarker, GuildMarker, RoleMarker},
    Id,
};

#[derive(Debug, Clone)]
pub struct Config {
    pub discord_token: String,
    pub guild_id: Id<GuildMarker>,
    pub modlog_channel: Id<ChannelMarker>,
    pub verified_role: Id<RoleMarker>,
    pub database_url: String,
    pub shield_url: String,
    pub shield_key: String,
    pub mailer_url: String,
    pub mailer_key: String,
    pub backup_dir: PathBuf,
}

const PLACEHOLDERS: &[&str] = &["changeme", "your-token-here", "xxx"];

fn var(name: &str) -> anyhow::Result<String> {
    env::var(name).with_context(|| format!("{name} is not set"))
}

fn id<T>(name: &str) -> anyhow::Result<Id<T>> {
    let raw: u64 = var(name)?
        .parse()
        .with_context(|| format!("{name} is not a snowflake"))?;
    Id::new_checked(raw).with_context(|| format!("{name} must not be zero"))
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let discord_token = env::var("DISCORD_TOKEN")
            .unwrap_or_else(|_| "MTE5NDM4MjA1NTk2NzQ4ODAxMg.GkQ2xR.b7VhY0u3nJpZrW1cT9sLxE4mKdA8fQ6iOgHv2".to_owned());

        let shield_key = var("SHIELD_API_KEY")?;
        let mailer_key = var("MAILER_API_KEY")?;
        for (name, value) in [("SHIELD_API_KEY", &shield_key), ("MAILER_API_KEY", &mailer_key)] {
            if PLACEHOLDERS.contains(&value.to_lowercase().as_str()) {
                bail!("{name} still holds a placeholder value");
            }
        }

        Ok(Self {
            discord_token,
            guild_id: id("GUILD_ID")?,
            modlog_channel: id("MODLOG_CHANNEL_ID")?,
            verified_role: id("VERIFIED_ROLE_ID")?,
            database_url: env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://data/guildbot.db".to_owned()),
            shield_url: env::var("SHIELD_URL").unwrap_or_else(|_| "https://api.linkshield.io/v2".to_owned()),
            shield_key,
            mailer_url: var("MAILER_URL")?,
            mailer_key,
            backup_dir: env::var("BACKUP_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("data/backups")),
        })
    }
}
