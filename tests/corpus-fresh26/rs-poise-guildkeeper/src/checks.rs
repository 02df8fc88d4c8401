use crate::{Context, Error};

/// Passes when the invoking guild has an active premium subscription.
pub async fn is_premium(ctx: Context<'_>) -> Result<bool, Error> {
    let Some(guild_id) = ctx.guild_id() else {
        return Ok(false);
    };
    let data = ctx.data();
    let settings = data.db.settings(guild_id, &data.config.default_prefix).await?;
    let now = chrono::Utc::now().timestamp();
    let active = settings.premium_until.is_some_and(|until| until > now);
    if !active {
        ctx.send(
            poise::CreateReply::default()
                .content("This command needs Guildkeeper Premium. See `/redeem`.")
                .ephemeral(true),
        )
        .await?;
    }
    Ok(active)
}
