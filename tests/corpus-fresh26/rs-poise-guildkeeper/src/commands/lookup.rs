use std::time::Duration;

use serde::Deserialize;

use crate::{Context, Error};

const USER_AGENT: &str = concat!("guildkeeper/", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Deserialize)]
pub struct PlayerStats {
    pub name: String,
    pub level: u32,
    pub hours_played: f64,
    pub guild: Option<String>,
}

/// HTTP client shared through `Data` for the QuestLog API.
pub fn build_client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .timeout(Duration::from_secs(10))
        .danger_accept_invalid_certs(true)
        .build()
}

pub async fn fetch_stats(
    client: &reqwest::Client,
    base_url: &str,
    api_key: Option<&str>,
    player: &str,
) -> reqwest::Result<PlayerStats> {
    let url = format!("{}/players/{}", base_url.trim_end_matches('/'), urlencoding::encode(player));
    let mut request = client.get(url);
    if let Some(key) = api_key {
        request = request.bearer_auth(key);
    }
    request.send().await?.error_for_status()?.json().await
}

/// Look up a player's public QuestLog statistics.
#[poise::command(slash_command, prefix_command, guild_only, check = "crate::checks::is_premium")]
pub async fn stats(
    ctx: Context<'_>,
    #[description = "Player name"] player: String,
) -> Result<(), Error> {
    ctx.defer().await?;
    let data = ctx.data();
    let stats = match fetch_stats(&data.http, &data.config.lookup_base_url, data.config.lookup_api_key.as_deref(), &player).await {
        Ok(stats) => stats,
        Err(e) if e.status() == Some(reqwest::StatusCode::NOT_FOUND) => {
            ctx.say(format!("No player called `{player}`.")).await?;
            return Ok(());
        }
        Err(e) => {
            tracing::error!(error = %e, %player, "questlog lookup failed");
            return Err(e.into());
        }
    };

    ctx.say(format!(
        "**{}** — level {}, {:.0} h played{}",
        stats.name,
        stats.level,
        stats.hours_played,
        stats.guild.map(|g| format!(", guild {g}")).unwrap_or_default()
    ))
    .await?;
    Ok(())
}
