pub mod admin;
pub mod deploy;

use std::sync::Arc;

use matrix_sdk::{ruma::OwnedUserId, Room};
use sqlx::SqlitePool;

use crate::{auth, ci::CiClient, config::Config};

pub struct BotContext {
    pub cfg: Config,
    pub pool: SqlitePool,
    pub ci: CiClient,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Status { service: String },
    History { service: String, limit: i64 },
    Deploy { service: String, version: String },
    Rollback { service: String },
    Lock { service: String, reason: String },
    Freeze { hours: u32 },
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("not a command")]
    NotACommand,
    #[error("unknown command `{0}`")]
    Unknown(String),
    #[error("usage: {0}")]
    Usage(&'static str),
}

pub fn parse(body: &str) -> Result<Command, ParseError> {
    let body = body.trim();
    let rest = body.strip_prefix('!').ok_or(ParseError::NotACommand)?;
    let mut words = rest.split_whitespace();
    let name = words.next().ok_or(ParseError::NotACommand)?;
    let args: Vec<&str> = words.collect();
    match (name, args.as_slice()) {
        ("help", _) => Ok(Command::Help),
        ("status", [service]) => Ok(Command::Status { service: service.to_string() }),
        ("history", [service]) => Ok(Command::History { service: service.to_string(), limit: 10 }),
        ("history", [service, n]) => {
            let limit = n.parse().map_err(|_| ParseError::Usage("!history <service> [count]"))?;
            Ok(Command::History { service: service.to_string(), limit })
        }
        ("deploy", [service, version]) => {
            Ok(Command::Deploy { service: service.to_string(), version: version.to_string() })
        }
        ("rollback", [service]) => Ok(Command::Rollback { service: service.to_string() }),
        ("lock", [service, reason @ ..]) if !reason.is_empty() => {
            Ok(Command::Lock { service: service.to_string(), reason: reason.join(" ") })
        }
        ("freeze", [hours]) => {
            let hours = hours.parse().map_err(|_| ParseError::Usage("!freeze <hours>"))?;
            Ok(Command::Freeze { hours })
        }
        ("status" | "history" | "deploy" | "rollback" | "lock" | "freeze", _) => {
            Err(ParseError::Usage("see !help"))
        }
        (other, _) => Err(ParseError::Unknown(other.to_string())),
    }
}

pub async fn dispatch(ctx: Arc<BotContext>, room: Room, sender: OwnedUserId, cmd: Command) -> anyhow::Result<String> {
    match cmd {
        Command::Help => Ok(deploy::HELP.to_string()),
        Command::Status { service } => deploy::status(&ctx, &service).await,
        Command::History { service, limit } => deploy::history(&ctx, &service, limit).await,
        Command::Deploy { service, version } => {
            auth::require_operator(&room, &sender, &ctx.cfg).await?;
            deploy::deploy(&ctx, &service, &version, &sender).await
        }
        Command::Rollback { service } => deploy::rollback(&ctx, &service, &sender).await,
        Command::Lock { service, reason } => {
            auth::require_operator(&room, &sender, &ctx.cfg).await?;
            admin::lock(&ctx, &service, &reason, &sender).await
        }
        Command::Freeze { hours } => {
            auth::require_admin(&sender, &ctx.cfg)?;
            admin::freeze(&ctx, hours, &sender).await
        }
    }
}
