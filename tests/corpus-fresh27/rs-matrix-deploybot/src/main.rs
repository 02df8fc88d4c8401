use std::sync::Arc;

use anyhow::Context;
use matrix_sdk::{
    config::SyncSettings,
    event_handler::Ctx,
    matrix_auth::{MatrixSession, MatrixSessionTokens},
    ruma::{
        events::room::message::{MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent},
        RoomId, UserId,
    },
    Client, Room, RoomState, SessionMeta,
};
use tracing::{error, info};
use tracing_subscriber::EnvFilter;

use deploybot::{
    ci::CiClient,
    commands::{self, BotContext, ParseError},
    config::Config,
    db, webhook,
};

async fn on_room_message(ev: OriginalSyncRoomMessageEvent, room: Room, client: Client, Ctx(ctx): Ctx<Arc<BotContext>>) {
    if room.state() != RoomState::Joined {
        return;
    }
    if Some(ev.sender.as_ref()) == client.user_id() {
        return;
    }
    let MessageType::Text(text) = ev.content.msgtype else { return };
    let cmd = match commands::parse(&text.body) {
        Ok(cmd) => cmd,
        Err(ParseError::NotACommand) => return,
        Err(err) => {
            if let Err(send_err) = room.send(RoomMessageEventContent::notice_plain(err.to_string())).await {
                error!(%send_err, "failed to send usage hint");
            }
            return;
        }
    };
    let reply = match commands::dispatch(ctx, room.clone(), ev.sender.clone(), cmd).await {
        Ok(reply) => reply,
        Err(err) => {
            error!(%err, sender = %ev.sender, "command failed");
            format!("⚠️ {err}")
        }
    };
    if let Err(err) = room.send(RoomMessageEventContent::text_markdown(reply)).await {
        error!(%err, "failed to send reply");
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();

    let path = Config::resolve_path(std::env::args().nth(1));
    let cfg = Config::load(&path)?;
    info!(config = %path.display(), "starting deploybot");

    let pool = db::connect(&cfg.db_path).await?;
    let ci = CiClient::new(&cfg.ci)?;

    let client = Client::builder()
        .homeserver_url(&cfg.homeserver)
        .sqlite_store(cfg.db_path.with_extension("matrix"), None)
        .build()
        .await?;
    let user_id = UserId::parse(&cfg.user).context("invalid bot user id")?;
    client
        .restore_session(MatrixSession {
            meta: SessionMeta { user_id, device_id: "DEPLOYBOT".into() },
            tokens: MatrixSessionTokens { access_token: cfg.access_token.clone(), refresh_token: None },
        })
        .await?;

    client.sync_once(SyncSettings::default()).await?;
    let ops_room_id = RoomId::parse(&cfg.ops_room)?;
    let ops_room = client.get_room(&ops_room_id).context("bot is not in the ops room")?;

    let listen = cfg.webhook.listen;
    let ctx = Arc::new(BotContext { cfg, pool, ci });
    client.add_event_handler_context(ctx.clone());
    client.add_event_handler(on_room_message);

    let app = webhook::router(webhook::HookState { ctx, ops_room });
    let listener = tokio::net::TcpListener::bind(listen).await?;
    tokio::spawn(async move {
        if let Err(err) = axum::serve(listener, app).await {
            error!(%err, "webhook server stopped");
        }
    });

    client.sync(SyncSettings::default()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use deploybot::commands::{parse, Command};

    #[test]
    fn command_parse_is_total() {
        for input in ["!help", "!status api", "!history api 3", "!deploy api 1.2.3"] {
            assert!(parse(input).is_ok(), "{input}");
        }
        assert_eq!(parse("!history api").unwrap(), Command::History { service: "api".into(), limit: 10 });
    }
}
