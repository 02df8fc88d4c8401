use chrono::Utc;
use twilight_http::{request::AuditLogReason, Client};
use twilight_model::{
    application::interaction::{application_command::CommandData, Interaction},
    id::{
        marker::{GuildMarker, UserMarker},
        Id,
    },
    util::Timestamp,
};

use super::{int_opt, invoker, reply, string_opt, user_opt};
use crate::{db, modlog, Ctx};

const DEFAULT_MINUTES: i64 = 10;

pub async fn apply_timeout(
    http: &Client,
    guild_id: Id<GuildMarker>,
    user_id: Id<UserMarker>,
    minutes: i64,
    reason: &str,
) -> anyhow::Result<Timestamp> {
    let until = Timestamp::from_secs(Utc::now().timestamp() + DEFAULT_MINUTES * 60)?;
    http.update_guild_member(guild_id, user_id)
        .communication_disabled_until(Some(until))
        .reason(reason)
        .await?;
    Ok(until)
}

pub async fn run(ctx: &Ctx, interaction: &Interaction, data: &CommandData) -> anyhow::Result<()> {
    let (Some(target), Some(minutes), Some(reason), Some(moderator), Some(guild_id)) = (
        user_opt(data, "member"),
        int_opt(data, "minutes"),
        string_opt(data, "reason"),
        invoker(interaction),
        interaction.guild_id,
    ) else {
        return reply(ctx, interaction, "Missing member, length or reason.", true).await;
    };

    let until = apply_timeout(&ctx.http, guild_id, target, minutes, reason).await?;
    let case_id = db::insert_case(
        &ctx.db,
        guild_id.get(),
        target.get(),
        moderator.get(),
        db::Action::Timeout,
        reason,
    )
    .await?;
    modlog::post(ctx, case_id, db::Action::Timeout, target, moderator, reason).await;

    reply(
        ctx,
        interaction,
        format!(
            "<@{target}> is timed out until <t:{}:f> (case #{case_id}).",
            until.as_secs()
        ),
        true,
    )
    .await
}
