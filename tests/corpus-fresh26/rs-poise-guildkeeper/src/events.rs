use poise::serenity_prelude::{self as serenity, Mentionable};

use crate::{Data, Error};

pub async fn event_handler(
    ctx: &serenity::Context,
    event: &serenity::FullEvent,
    _framework: poise::FrameworkContext<'_, Data, Error>,
    data: &Data,
) -> Result<(), Error> {
    match event {
        serenity::FullEvent::Ready { data_about_bot } => {
            tracing::info!(
                user = %data_about_bot.user.name,
                guilds = data_about_bot.guilds.len(),
                "connected to gateway"
            );
        }
        serenity::FullEvent::GuildMemberAddition { new_member } => {
            let settings = data.db.settings(new_member.guild_id, &data.config.default_prefix).await?;
            if let (Some(message), Some(channel)) = (settings.welcome_message, settings.log_channel_id) {
                let text = message.replace("{user}", &new_member.mention().to_string());
                if let Err(why) = serenity::ChannelId::new(channel as u64).say(&ctx.http, text).await {
                    tracing::warn!(?why, guild = %new_member.guild_id, "could not post welcome message");
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Post a line to the guild's moderation log channel, if one is configured.
pub async fn log_action(ctx: &serenity::Context, data: &Data, guild_id: serenity::GuildId, text: String) {
    let settings = match data.db.settings(guild_id, &data.config.default_prefix).await {
        Ok(settings) => settings,
        Err(e) => {
            tracing::error!(error = %e, %guild_id, "could not load settings for moderation log");
            return;
        }
    };
    let Some(channel) = settings.log_channel_id else {
        return;
    };
    if let Err(e) = serenity::ChannelId::new(channel as u64).say(&ctx.http, &text).await {
        tracing::warn!(error = %e, %guild_id, "could not write to moderation log");
    }
}
