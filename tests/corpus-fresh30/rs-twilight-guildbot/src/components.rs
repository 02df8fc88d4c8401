use twilight_http::request::AuditLogReason;
use twilight_model::{
    application::interaction::{message_component::MessageComponentInteractionData, Interaction},
    guild::Permissions,
    id::Id,
};

use crate::{
    commands::{invoker, member_permissions, reply},
    db, modlog, Ctx,
};

/// Buttons attached to mod-log and appeal messages. Custom ids look like
/// `case-close:<case id>` or `unban:<user id>:<case id>`.
pub async fn handle(
    ctx: &Ctx,
    interaction: &Interaction,
    data: &MessageComponentInteractionData,
) -> anyhow::Result<()> {
    let custom_id = data.custom_id.as_str();

    if let Some(rest) = custom_id.strip_prefix("case-close:") {
        if !member_permissions(interaction).contains(Permissions::MODERATE_MEMBERS) {
            return reply(ctx, interaction, "Only moderators can close cases.", true).await;
        }
        let case_id: i64 = rest.parse()?;
        let closed = db::close_case(&ctx.db, case_id).await?;
        let text = if closed {
            format!("Case #{case_id} closed.")
        } else {
            format!("Case #{case_id} was already closed.")
        };
        return reply(ctx, interaction, text, true).await;
    }

    if let Some(rest) = custom_id.strip_prefix("unban:") {
        let (user, case) = rest
            .split_once(':')
            .ok_or_else(|| anyhow::anyhow!("bad unban id {rest}"))?;
        let user_id = Id::new_checked(user.parse()?).ok_or_else(|| anyhow::anyhow!("zero user id"))?;
        let guild_id = interaction.guild_id.unwrap_or(ctx.config.guild_id);
        let moderator = invoker(interaction).ok_or_else(|| anyhow::anyhow!("no invoker"))?;

        let reason = format!("appeal for case #{case} accepted");
        ctx.http.delete_ban(guild_id, user_id).reason(&reason).await?;
        let case_id = db::insert_case(
            &ctx.db,
            guild_id.get(),
            user_id.get(),
            moderator.get(),
            db::Action::Unban,
            &reason,
        )
        .await?;
        modlog::post(ctx, case_id, db::Action::Unban, user_id, moderator, &reason).await;
        return reply(ctx, interaction, format!("<@{user_id}> unbanned."), true).await;
    }

    tracing::warn!(custom_id, "unknown component");
    Ok(())
}
