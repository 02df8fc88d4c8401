use std::{sync::Arc, time::Duration, time::Instant};

use anyhow::Context as _;
use guildkeeper::{commands, config, db::Db, events, Data, Error};
use poise::serenity_prelude as serenity;
use tracing_subscriber::EnvFilter;

async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Setup { error, .. } => panic!("failed to start bot: {error:?}"),
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, error = %error, "command failed");
            let _ = ctx.say("Something went wrong while running that command.").await;
        }
        error => {
            if let Err(e) = poise::builtins::on_error(error).await {
                tracing::error!("error while handling error: {e}");
            }
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,guildkeeper=debug".into()))
        .init();

    let config = config::load().context("loading configuration")?;
    let db = Db::connect(&config.database_url).await.context("opening database")?;
    let http = commands::lookup::build_client()?;

    let owners = config.owners.iter().map(|id| serenity::UserId::new(*id)).collect();
    let token = config.discord_token.clone();
    let test_guild = config.test_guild;

    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands::all(),
            owners,
            prefix_options: poise::PrefixFrameworkOptions {
                dynamic_prefix: Some(|ctx| {
                    Box::pin(async move {
                        let default = ctx.data.config.default_prefix.clone();
                        let Some(guild_id) = ctx.guild_id else {
                            return Ok(Some(default));
                        };
                        let settings = ctx.data.db.settings(guild_id, &default).await?;
                        Ok(Some(settings.prefix))
                    })
                }),
                edit_tracker: Some(Arc::new(poise::EditTracker::for_timespan(Duration::from_secs(600)))),
                ..Default::default()
            },
            on_error: |error| Box::pin(on_error(error)),
            event_handler: |ctx, event, framework, data| {
                Box::pin(events::event_handler(ctx, event, framework, data))
            },
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                match test_guild {
                    Some(id) => {
                        poise::builtins::register_in_guild(ctx, &framework.options().commands, serenity::GuildId::new(id))
                            .await?
                    }
                    None => poise::builtins::register_globally(ctx, &framework.options().commands).await?,
                }
                tracing::info!("logged in as {}", ready.user.name);
                Ok(Data { db, config, http, started_at: Instant::now() })
            })
        })
        .build();

    let intents = serenity::GatewayIntents::non_privileged()
        | serenity::GatewayIntents::GUILD_MEMBERS
        | serenity::GatewayIntents::MESSAGE_CONTENT;

    let mut client = serenity::ClientBuilder::new(token, intents)
        .framework(framework)
        .await
        .context("building client")?;

    let shard_manager = client.shard_manager.clone();
    tokio::spawn(async move {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "could not listen for ctrl-c");
            return;
        }
        tracing::info!("ctrl-c received, shutting down");
        shard_manager.shutdown_all().await;
    });

    client.start_autosharded().await.context("gateway client stopped")?;
    Ok(())
}
