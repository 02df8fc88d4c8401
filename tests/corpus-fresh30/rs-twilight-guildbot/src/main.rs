use std::sync::Arc;

use guildbot::{backup, commands, config::Config, db, dispatch, external, Ctx};
use tokio::sync::watch;
use twilight_gateway::{Event, EventTypeFlags, Intents, Shard, ShardId, StreamExt as _};
use twilight_http::Client as HttpClient;
use twilight_model::channel::Message;

fn links(message: &Message) -> Vec<String> {
    message
        .content
        .split_whitespace()
        .filter(|word| word.starts_with("https://") || word.starts_with("http://"))
        .filter_map(|word| url::Url::parse(word).ok())
        .map(|u| u.to_string())
        .collect()
}

async fn scan_message(ctx: Arc<Ctx>, message: Message) -> anyhow::Result<()> {
    let urls = links(&message);
    if urls.is_empty() || message.author.bot {
        return Ok(());
    }
    let verdicts = ctx.shield.check(&urls).await?;
    if let Some(bad) = verdicts.iter().find(|v| v.malicious) {
        ctx.http.delete_message(message.channel_id, message.id).await?;
        tracing::info!(url = %bad.url, author = %message.author.id, "removed message with malicious link");
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let config = Arc::new(Config::from_env()?);
    let pool = db::connect(&config.database_url).await?;
    let http = Arc::new(HttpClient::new(config.discord_token.clone()));
    let application_id = http.current_user_application().await?.model().await?.id;

    let ctx = Arc::new(Ctx {
        http: Arc::clone(&http),
        application_id,
        db: pool.clone(),
        config: Arc::clone(&config),
        shield: external::ShieldClient::new(&config.shield_url, &config.shield_key)?,
        mailer: external::MailerClient::new(&config.mailer_url, &config.mailer_key)?,
    });
    commands::register(&ctx).await?;
    tokio::spawn(backup::run_daily(pool.clone()));

    let intents = Intents::GUILDS | Intents::GUILD_MESSAGES | Intents::MESSAGE_CONTENT;
    let mut shard = Shard::new(ShardId::ONE, config.discord_token.clone(), intents);
    let (shutdown_tx, mut shutdown_rx) = watch::channel(false);

    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            // The receiver is gone only if the loop already exited.
            let _ = shutdown_tx.send(true);
        }
    });

    loop {
        let item = tokio::select! {
            item = shard.next_event(EventTypeFlags::INTERACTION_CREATE | EventTypeFlags::MESSAGE_CREATE | EventTypeFlags::READY) => item,
            _ = shutdown_rx.changed() => break,
        };
        let Some(item) = item else { break };
        let event = match item {
            Ok(event) => event,
            Err(source) => {
                tracing::warn!(?source, "error receiving event");
                continue;
            }
        };

        match event {
            Event::Ready(ready) => tracing::info!(user = %ready.user.name, "connected"),
            Event::InteractionCreate(interaction) => {
                let ctx = Arc::clone(&ctx);
                tokio::spawn(async move {
                    if let Err(error) = dispatch::interaction(&ctx, interaction.0).await {
                        tracing::error!(?error, "interaction handler failed");
                    }
                });
            }
            Event::MessageCreate(message) => {
                let ctx = Arc::clone(&ctx);
                tokio::spawn(async move {
                    if let Err(error) = scan_message(ctx, message.0).await {
                        tracing::warn!(?error, "link scan failed");
                    }
                });
            }
            _ => {}
        }
    }

    pool.close().await;
    Ok(())
}
