pub mod admin;
pub mod lookup;
pub mod moderation;
pub mod settings;

use crate::{Context, Data, Error};

/// Show help for all commands, or for one command.
#[poise::command(slash_command, prefix_command, track_edits)]
pub async fn help(
    ctx: Context<'_>,
    #[description = "Command to show help about"]
    #[autocomplete = "poise::builtins::autocomplete_command"]
    command: Option<String>,
) -> Result<(), Error> {
    poise::builtins::help(
        ctx,
        command.as_deref(),
        poise::builtins::HelpConfiguration {
            extra_text_at_bottom: "Moderation commands need the matching Discord permission.",
            ephemeral: true,
            ..Default::default()
        },
    )
    .await?;
    Ok(())
}

/// Check that the bot is alive.
#[poise::command(slash_command, prefix_command)]
pub async fn ping(ctx: Context<'_>) -> Result<(), Error> {
    let uptime = ctx.data().started_at.elapsed();
    ctx.say(format!("Pong! Up for {} minutes.", uptime.as_secs() / 60)).await?;
    Ok(())
}

pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        help(),
        ping(),
        moderation::ban(),
        moderation::kick(),
        moderation::warn(),
        moderation::purge(),
        moderation::timeout(),
        settings::settings(),
        lookup::stats(),
        crate::premium::redeem(),
        admin::register(),
        admin::grant_premium(),
        admin::shutdown(),
    ]
}
