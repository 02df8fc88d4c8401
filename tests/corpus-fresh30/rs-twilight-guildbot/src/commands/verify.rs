use chrono::{Duration, Utc};
use rand::Rng;
use twilight_model::application::interaction::{application_command::CommandData, Interaction};

use super::{invoker, reply, string_opt};
use crate::{db, Ctx};

const MAX_ATTEMPTS: i64 = 5;

fn new_code() -> String {
    format!("{:06}", rand::thread_rng().gen_range(0..1_000_000))
}

pub async fn run(ctx: &Ctx, interaction: &Interaction, data: &CommandData) -> anyhow::Result<()> {
    let Some(user) = invoker(interaction) else {
        return Ok(());
    };

    match (string_opt(data, "email"), string_opt(data, "code")) {
        (Some(email), None) => {
            let code = new_code();
            db::upsert_verification(&ctx.db, user.get(), email, &code, Utc::now() + Duration::minutes(15)).await?;
            ctx.mailer.send_code(email, &code).await?;
            reply(
                ctx,
                interaction,
                "Check your inbox and run `/verify code:<code>` within 15 minutes.",
                true,
            )
            .await
        }
        (None, Some(code)) => confirm(ctx, interaction, user.get(), code.trim()).await,
        _ => {
            reply(
                ctx,
                interaction,
                "Give either `email` to start or `code` to finish.",
                true,
            )
            .await
        }
    }
}

async fn confirm(ctx: &Ctx, interaction: &Interaction, user_id: u64, code: &str) -> anyhow::Result<()> {
    let Some(pending) = db::verification(&ctx.db, user_id).await? else {
        return reply(ctx, interaction, "Start with `/verify email:<address>`.", true).await;
    };
    if pending.expires_at < Utc::now() || pending.attempts >= MAX_ATTEMPTS {
        db::delete_verification(&ctx.db, user_id).await?;
        return reply(ctx, interaction, "That code has expired. Start again.", true).await;
    }

    if pending.code == code {
        let guild_id = ctx.config.guild_id;
        ctx.http
            .add_guild_member_role(guild_id, interaction.author_id().unwrap(), ctx.config.verified_role)
            .await?;
        db::delete_verification(&ctx.db, user_id).await?;
        tracing::info!(user_id, email = %pending.email, "member verified");
        reply(ctx, interaction, "You're verified. Welcome!", true).await
    } else {
        db::bump_attempts(&ctx.db, user_id).await?;
        reply(ctx, interaction, "That code is not right.", true).await
    }
}
