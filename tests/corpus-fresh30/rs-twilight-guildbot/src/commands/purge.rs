use twilight_model::application::interaction::{application_command::CommandData, Interaction};

use super::{int_opt, invoker, reply};
use crate::{db, Ctx};

pub async fn run(ctx: &Ctx, interaction: &Interaction, data: &CommandData) -> anyhow::Result<()> {
    let (Some(count), Some(channel), Some(moderator), Some(guild_id)) = (
        int_opt(data, "count"),
        interaction.channel.as_ref().map(|c| c.id),
        invoker(interaction),
        interaction.guild_id,
    ) else {
        return reply(ctx, interaction, "Use this in a server channel.", true).await;
    };

    let messages = ctx
        .http
        .channel_messages(channel)
        .limit(count.clamp(2, 100) as u16)
        .await?
        .models()
        .await?;
    let ids: Vec<_> = messages.iter().map(|m| m.id).collect();
    if ids.len() >= 2 {
        ctx.http.delete_messages(channel, &ids).await?;
    }

    db::insert_case(
        &ctx.db,
        guild_id.get(),
        moderator.get(),
        moderator.get(),
        db::Action::Purge,
        &format!("purged {} messages in <#{channel}>", ids.len()),
    )
    .await?;
    reply(ctx, interaction, format!("Deleted {} messages.", ids.len()), true).await
}
