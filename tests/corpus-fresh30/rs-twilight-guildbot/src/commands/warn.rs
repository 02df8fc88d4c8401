use twilight_model::application::interaction::{application_command::CommandData, Interaction};

use super::{invoker, reply, string_opt, user_opt};
use crate::{db, modlog, Ctx};

pub async fn run(ctx: &Ctx, interaction: &Interaction, data: &CommandData) -> anyhow::Result<()> {
    let (Some(target), Some(reason), Some(moderator), Some(guild_id)) = (
        user_opt(data, "member"),
        string_opt(data, "reason"),
        invoker(interaction),
        interaction.guild_id,
    ) else {
        return reply(ctx, interaction, "Missing member or reason.", true).await;
    };

    let case_id = db::insert_case(
        &ctx.db,
        guild_id.get(),
        target.get(),
        moderator.get(),
        db::Action::Warn,
        reason,
    )
    .await?;

    if let Ok(channel) = ctx.http.create_private_channel(target).await {
        if let Ok(channel) = channel.model().await {
            if let Err(error) = ctx
                .http
                .create_message(channel.id)
                .content(&format!("You received a warning in the server: {reason}"))
                .await
            {
                // Members can close their DMs; the case is still recorded.
                tracing::info!(?error, user = %target, "could not DM warning");
            }
        }
    }

    modlog::post(ctx, case_id, db::Action::Warn, target, moderator, reason).await;
    reply(ctx, interaction, format!("Warned <@{target}> (case #{case_id})."), true).await
}

pub async fn ban(ctx: &Ctx, interaction: &Interaction, data: &CommandData) -> anyhow::Result<()> {
    use twilight_http::request::AuditLogReason;

    let (Some(target), Some(reason), Some(moderator), Some(guild_id)) = (
        user_opt(data, "member"),
        string_opt(data, "reason"),
        invoker(interaction),
        interaction.guild_id,
    ) else {
        return reply(ctx, interaction, "Missing member or reason.", true).await;
    };

    ctx.http.create_ban(guild_id, target).reason(reason).await?;
    let _ = db::insert_case(
        &ctx.db,
        guild_id.get(),
        target.get(),
        moderator.get(),
        db::Action::Ban,
        reason,
    )
    .await;

    modlog::post(ctx, 0, db::Action::Ban, target, moderator, reason).await;
    reply(ctx, interaction, format!("Banned <@{target}>."), true).await
}
