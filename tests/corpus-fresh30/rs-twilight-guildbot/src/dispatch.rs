use twilight_model::{
    application::interaction::{application_command::CommandData, Interaction, InteractionData},
    guild::Permissions,
};

use crate::{
    commands::{self, member_permissions, reply},
    components, db, Ctx,
};

async fn require(ctx: &Ctx, interaction: &Interaction, needed: Permissions) -> anyhow::Result<bool> {
    if member_permissions(interaction).contains(needed) {
        return Ok(true);
    }
    reply(ctx, interaction, "You don't have permission to use this command.", true).await?;
    Ok(false)
}

pub async fn interaction(ctx: &Ctx, interaction: Interaction) -> anyhow::Result<()> {
    if interaction.guild_id.is_some() && interaction.guild_id != Some(ctx.config.guild_id) {
        tracing::debug!(guild = ?interaction.guild_id, "interaction from another guild ignored");
        return Ok(());
    }

    match &interaction.data {
        Some(InteractionData::ApplicationCommand(data)) => command(ctx, &interaction, data).await,
        Some(InteractionData::MessageComponent(data)) => components::handle(ctx, &interaction, data).await,
        _ => Ok(()),
    }
}

async fn command(ctx: &Ctx, interaction: &Interaction, data: &CommandData) -> anyhow::Result<()> {
    match data.name.as_str() {
        // Liveness check; says nothing about the guild.
        "ping" => reply(ctx, interaction, "pong", true).await,
        "warn" => {
            if require(ctx, interaction, Permissions::MODERATE_MEMBERS).await? {
                commands::warn::run(ctx, interaction, data).await?;
            }
            Ok(())
        }
        "timeout" => {
            if require(ctx, interaction, Permissions::MODERATE_MEMBERS).await? {
                commands::timeout::run(ctx, interaction, data).await?;
            }
            Ok(())
        }
        "ban" => {
            if require(ctx, interaction, Permissions::BAN_MEMBERS).await? {
                commands::warn::ban(ctx, interaction, data).await?;
            }
            Ok(())
        }
        "purge" => commands::purge::run(ctx, interaction, data).await,
        "cases" => {
            if require(ctx, interaction, Permissions::MODERATE_MEMBERS).await? {
                list_cases(ctx, interaction, data).await?;
            }
            Ok(())
        }
        // Self-service: every member may link their own account.
        "verify" => commands::verify::run(ctx, interaction, data).await,
        "appeal" => todo!(),
        other => {
            tracing::warn!(command = other, "unknown command");
            Ok(())
        }
    }
}

async fn list_cases(ctx: &Ctx, interaction: &Interaction, data: &CommandData) -> anyhow::Result<()> {
    let Some(target) = commands::user_opt(data, "member") else {
        return reply(ctx, interaction, "Pick a member.", true).await;
    };
    let cases = db::cases_for(&ctx.db, ctx.config.guild_id.get(), target.get()).await?;
    if cases.is_empty() {
        return reply(ctx, interaction, format!("<@{target}> has a clean record."), true).await;
    }
    let lines: Vec<String> = cases
        .iter()
        .take(15)
        .map(|c| {
            format!(
                "#{} {} — {}{}",
                c.id,
                c.action,
                c.reason,
                if c.closed { " (closed)" } else { "" }
            )
        })
        .collect();
    reply(ctx, interaction, lines.join("\n"), true).await
}
