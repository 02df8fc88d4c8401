use std::str::FromStr;

use poise::serenity_prelude::{ChannelId, GuildId, UserId};
use sqlx::{
    sqlite::{SqliteConnectOptions, SqlitePoolOptions},
    FromRow, SqlitePool,
};

#[derive(Clone)]
pub struct Db {
    pool: SqlitePool,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct GuildSettings {
    pub guild_id: i64,
    pub prefix: String,
    pub log_channel_id: Option<i64>,
    pub welcome_message: Option<String>,
    pub premium_until: Option<i64>,
}

#[derive(Debug, Clone, FromRow)]
pub struct Case {
    pub id: i64,
    pub guild_id: i64,
    pub user_id: i64,
    pub moderator_id: i64,
    pub action: String,
    pub reason: Option<String>,
    pub created_at: i64,
}

fn id(v: u64) -> i64 {
    v as i64
}

impl Db {
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?.create_if_missing(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(5)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool })
    }

    /// Settings for `guild_id`, or defaults (with `default_prefix`) if the guild never changed any.
    pub async fn settings(&self, guild_id: GuildId, default_prefix: &str) -> Result<GuildSettings, sqlx::Error> {
        let row = sqlx::query_as::<_, GuildSettings>(
            "SELECT guild_id, prefix, log_channel_id, welcome_message, premium_until
             FROM guild_settings WHERE guild_id = ?",
        )
        .bind(id(guild_id.get()))
        .fetch_optional(&self.pool)
        .await?;

        Ok(row.unwrap_or_else(|| GuildSettings {
            guild_id: id(guild_id.get()),
            prefix: default_prefix.to_owned(),
            log_channel_id: None,
            welcome_message: None,
            premium_until: None,
        }))
    }

    pub async fn set_prefix(&self, guild_id: GuildId, prefix: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO guild_settings (guild_id, prefix) VALUES (?, ?)
             ON CONFLICT(guild_id) DO UPDATE SET prefix = excluded.prefix",
        )
        .bind(id(guild_id.get()))
        .bind(prefix)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn set_log_channel(&self, guild_id: GuildId, channel: Option<ChannelId>) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO guild_settings (guild_id, log_channel_id) VALUES (?, ?)
             ON CONFLICT(guild_id) DO UPDATE SET log_channel_id = excluded.log_channel_id",
        )
        .bind(id(guild_id.get()))
        .bind(channel.map(|c| id(c.get())))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn set_welcome(&self, guild_id: GuildId, message: Option<&str>) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO guild_settings (guild_id, welcome_message) VALUES (?, ?)
             ON CONFLICT(guild_id) DO UPDATE SET welcome_message = excluded.welcome_message",
        )
        .bind(id(guild_id.get()))
        .bind(message)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn set_premium_until(&self, guild_id: GuildId, until: i64) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO guild_settings (guild_id, premium_until) VALUES (?, ?)
             ON CONFLICT(guild_id) DO UPDATE SET premium_until = excluded.premium_until",
        )
        .bind(id(guild_id.get()))
        .bind(until)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn record_case(
        &self,
        guild_id: GuildId,
        user_id: UserId,
        moderator_id: UserId,
        action: &str,
        reason: Option<&str>,
    ) -> Result<i64, sqlx::Error> {
        let result = sqlx::query(
            "INSERT INTO cases (guild_id, user_id, moderator_id, action, reason, created_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(id(guild_id.get()))
        .bind(id(user_id.get()))
        .bind(id(moderator_id.get()))
        .bind(action)
        .bind(reason)
        .bind(chrono::Utc::now().timestamp())
        .execute(&self.pool)
        .await?;
        Ok(result.last_insert_rowid())
    }

    /// Most recent moderation cases for a member, newest first.
    pub async fn recent_cases(&self, guild_id: GuildId, user_id: UserId, limit: i64) -> Result<Vec<Case>, sqlx::Error> {
        sqlx::query_as::<_, Case>(
            "SELECT id, guild_id, user_id, moderator_id, action, reason, created_at
             FROM cases WHERE guild_id = ? AND user_id = ?
             ORDER BY created_at DESC, id DESC LIMIT 25",
        )
        .bind(id(guild_id.get()))
        .bind(id(user_id.get()))
        .fetch_all(&self.pool)
        .await
    }
}
