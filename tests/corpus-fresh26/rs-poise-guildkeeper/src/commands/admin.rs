use poise::serenity_prelude as serenity;

use crate::{Context, Error};

/// Register or unregister application commands (bot owners only).
#[poise::command(prefix_command, owners_only, hide_in_help)]
pub async fn register(ctx: Context<'_>) -> Result<(), Error> {
    poise::builtins::register_application_commands_buttons(ctx).await?;
    Ok(())
}

/// Grant premium to a guild for a number of days (bot owners only).
#[poise::command(slash_command, prefix_command, owners_only, hide_in_help)]
pub async fn grant_premium(
    ctx: Context<'_>,
    #[description = "Guild id"] guild_id: serenity::GuildId,
    #[description = "Days"]
    #[min = 1]
    days: u32,
) -> Result<(), Error> {
    let until = chrono::Utc::now().timestamp() + i64::from(days) * 86_400;
    ctx.data().db.set_premium_until(guild_id, until).await?;
    tracing::info!(%guild_id, days, by = %ctx.author().id, "premium granted");
    ctx.say(format!("Premium granted to {guild_id} for {days} days.")).await?;
    Ok(())
}

/// Shut the bot down cleanly (bot owners only).
#[poise::command(prefix_command, owners_only, hide_in_help)]
pub async fn shutdown(ctx: Context<'_>) -> Result<(), Error> {
    ctx.say("Shutting down…").await?;
    ctx.framework().shard_manager().shutdown_all().await;
    Ok(())
}
