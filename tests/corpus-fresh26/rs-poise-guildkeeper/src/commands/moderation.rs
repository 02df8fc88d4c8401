use poise::serenity_prelude as serenity;

use crate::{events::log_action, Context, Error};

/// Ban a member and record the case.
#[poise::command(
    slash_command,
    prefix_command,
    guild_only,
    required_permissions = "BAN_MEMBERS",
    required_bot_permissions = "BAN_MEMBERS"
)]
pub async fn ban(
    ctx: Context<'_>,
    #[description = "Member to ban"] user: serenity::User,
    #[description = "Days of messages to delete"]
    #[min = 0]
    #[max = 7]
    delete_days: Option<u8>,
    #[description = "Reason"]
    #[rest]
    reason: Option<String>,
) -> Result<(), Error> {
    let guild_id = ctx.guild_id().ok_or("guild only")?;
    if user.id == ctx.author().id {
        ctx.say("You can't ban yourself.").await?;
        return Ok(());
    }

    let reason_text = reason.as_deref().unwrap_or("no reason given");
    guild_id
        .ban_with_reason(ctx.http(), user.id, delete_days.unwrap_or(0), reason_text)
        .await?;
    let _ = ctx.data().db.record_case(guild_id, user.id, ctx.author().id, "ban", reason.as_deref()).await;

    log_action(
        ctx.serenity_context(),
        ctx.data(),
        guild_id,
        format!("🔨 {} banned {} ({})", ctx.author().name, user.name, reason_text),
    )
    .await;
    ctx.say(format!("Banned **{}**.", user.name)).await?;
    Ok(())
}

/// Kick a member and record the case.
#[poise::command(
    slash_command,
    prefix_command,
    guild_only,
    required_permissions = "KICK_MEMBERS",
    required_bot_permissions = "KICK_MEMBERS"
)]
pub async fn kick(
    ctx: Context<'_>,
    #[description = "Member to kick"] member: serenity::Member,
    #[description = "Reason"]
    #[rest]
    reason: Option<String>,
) -> Result<(), Error> {
    let guild_id = ctx.guild_id().ok_or("guild only")?;
    let reason_text = reason.as_deref().unwrap_or("no reason given");

    member.kick_with_reason(ctx.http(), reason_text).await?;
    let case = ctx
        .data()
        .db
        .record_case(guild_id, member.user.id, ctx.author().id, "kick", reason.as_deref())
        .await?;

    log_action(
        ctx.serenity_context(),
        ctx.data(),
        guild_id,
        format!("👢 case #{case}: {} kicked {} ({})", ctx.author().name, member.user.name, reason_text),
    )
    .await;
    ctx.say(format!("Kicked **{}** (case #{case}).", member.user.name)).await?;
    Ok(())
}

/// Warn a member; shows their recent history.
#[poise::command(slash_command, prefix_command, guild_only, required_permissions = "MODERATE_MEMBERS")]
pub async fn warn(
    ctx: Context<'_>,
    #[description = "Member to warn"] user: serenity::User,
    #[description = "Reason"]
    #[rest]
    reason: String,
) -> Result<(), Error> {
    let guild_id = ctx.guild_id().ok_or("guild only")?;
    let db = &ctx.data().db;

    let case = db.record_case(guild_id, user.id, ctx.author().id, "warn", Some(&reason)).await?;
    let history = db.recent_cases(guild_id, user.id, 5).await?;

    let lines: Vec<String> = history
        .iter()
        .map(|c| format!("#{} {} – {}", c.id, c.action, c.reason.as_deref().unwrap_or("-")))
        .collect();
    ctx.say(format!(
        "Warned **{}** (case #{case}). Recent history:\n{}",
        user.name,
        lines.join("\n")
    ))
    .await?;
    Ok(())
}

/// Bulk-delete recent messages in this channel.
#[poise::command(slash_command, prefix_command, guild_only, required_bot_permissions = "MANAGE_MESSAGES")]
pub async fn purge(
    ctx: Context<'_>,
    #[description = "How many messages to delete"]
    #[min = 2]
    #[max = 100]
    count: u8,
) -> Result<(), Error> {
    let channel = ctx.channel_id();
    let messages = channel
        .messages(ctx.http(), serenity::GetMessages::new().limit(count))
        .await?;
    let ids: Vec<serenity::MessageId> = messages.iter().map(|m| m.id).collect();
    channel.delete_messages(ctx.http(), ids.iter()).await?;

    if let Some(guild_id) = ctx.guild_id() {
        log_action(
            ctx.serenity_context(),
            ctx.data(),
            guild_id,
            format!("🧹 {} purged {} messages in <#{}>", ctx.author().name, ids.len(), channel),
        )
        .await;
    }
    ctx.send(poise::CreateReply::default().content(format!("Deleted {} messages.", ids.len())).ephemeral(true))
        .await?;
    Ok(())
}

/// Temporarily mute a member.
#[poise::command(slash_command, guild_only, required_permissions = "MODERATE_MEMBERS")]
pub async fn timeout(
    ctx: Context<'_>,
    #[description = "Member to time out"] member: serenity::Member,
    #[description = "Duration in minutes"]
    #[min = 1]
    #[max = 40320]
    minutes: u32,
    #[description = "Reason"] reason: Option<String>,
) -> Result<(), Error> {
    todo!("timeouts: disable_communication_until + case record")
}
