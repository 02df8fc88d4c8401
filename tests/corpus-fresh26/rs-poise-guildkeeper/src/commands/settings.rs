use poise::serenity_prelude as serenity;

use crate::{Context, Error};

/// Server settings for Guildkeeper.
#[poise::command(
    slash_command,
    prefix_command,
    guild_only,
    required_permissions = "MANAGE_GUILD",
    subcommands("prefix", "log_channel", "welcome", "import"),
    subcommand_required
)]
pub async fn settings(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Change the prefix used for text commands.
#[poise::command(slash_command, prefix_command, guild_only, required_permissions = "MANAGE_GUILD")]
pub async fn prefix(
    ctx: Context<'_>,
    #[description = "New prefix (1-3 characters)"] new_prefix: String,
) -> Result<(), Error> {
    let guild_id = ctx.guild_id().ok_or("guild only")?;
    let new_prefix = new_prefix.trim();
    if new_prefix.is_empty() || new_prefix.chars().count() > 3 {
        ctx.say("Prefixes must be 1 to 3 characters long.").await?;
        return Ok(());
    }
    ctx.data().db.set_prefix(guild_id, new_prefix).await?;
    ctx.say(format!("Prefix set to `{new_prefix}`.")).await?;
    Ok(())
}

/// Set or clear the channel that receives the moderation log.
#[poise::command(slash_command, prefix_command, guild_only, required_permissions = "MANAGE_GUILD")]
pub async fn log_channel(
    ctx: Context<'_>,
    #[description = "Channel for the moderation log; omit to disable"]
    #[channel_types("Text")]
    channel: Option<serenity::GuildChannel>,
) -> Result<(), Error> {
    let guild_id = ctx.guild_id().ok_or("guild only")?;
    ctx.data().db.set_log_channel(guild_id, channel.as_ref().map(|c| c.id)).await?;
    match channel {
        Some(c) => ctx.say(format!("Moderation log will be posted in {}.", c)).await?,
        None => ctx.say("Moderation log disabled.").await?,
    };
    Ok(())
}

/// Set the welcome message; `{user}` is replaced by a mention of the new member.
#[poise::command(slash_command, prefix_command, guild_only, required_permissions = "MANAGE_GUILD")]
pub async fn welcome(
    ctx: Context<'_>,
    #[description = "Message, or nothing to disable"]
    #[rest]
    message: Option<String>,
) -> Result<(), Error> {
    let guild_id = ctx.guild_id().ok_or("guild only")?;
    ctx.data().db.set_welcome(guild_id, message.as_deref()).await?;
    ctx.say(if message.is_some() { "Welcome message saved." } else { "Welcome message disabled." })
        .await?;
    Ok(())
}

/// Import settings exported from another server.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
pub async fn import(
    ctx: Context<'_>,
    #[description = "settings.json exported with /settings export"] file: serenity::Attachment,
) -> Result<(), Error> {
    unimplemented!("settings import")
}
