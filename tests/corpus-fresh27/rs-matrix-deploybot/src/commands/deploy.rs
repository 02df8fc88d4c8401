use matrix_sdk::ruma::UserId;
use tracing::{info, warn};

use super::BotContext;
use crate::db::{self, Deploy};

pub const HELP: &str = "\
**deploybot**
- `!status <service>` – last deploy of a service
- `!history <service> [count]` – recent deploys
- `!deploy <service> <version>` – start a deploy (operators)
- `!rollback <service>` – redeploy the previous good version (operators)
- `!lock <service> <reason>` – block deploys (operators)
- `!freeze <hours>` – freeze all deploys (admins)";

fn short_time(d: &Deploy) -> String {
    d.created_at.format("%Y-%m-%d %H:%M").to_string()
}

pub fn format_deploy(d: &Deploy, with_requester: bool) -> String {
    let base = format!("`{}` {} – {} ({})", d.service, d.version, d.status, short_time(d));
    if with_requester {
        format!("{base} by {}", d.requested_by)
    } else {
        base
    }
}

pub async fn status(ctx: &BotContext, service: &str) -> anyhow::Result<String> {
    let latest = db::recent_deploys(&ctx.pool, service, 1).await?;
    Ok(match latest.first() {
        Some(d) => format_deploy(d, true),
        None => format!("No deploys recorded for `{service}`."),
    })
}

pub async fn history(ctx: &BotContext, service: &str, limit: i64) -> anyhow::Result<String> {
    let rows = db::recent_deploys(&ctx.pool, service, limit.clamp(1, 50)).await?;
    if rows.is_empty() {
        return Ok(format!("No deploys recorded for `{service}`."));
    }
    Ok(rows.iter().map(|d| format!("- {}", format_deploy(d, false))).collect::<Vec<_>>().join("\n"))
}

pub async fn deploy(ctx: &BotContext, service: &str, version: &str, sender: &UserId) -> anyhow::Result<String> {
    if let Some((by, reason)) = db::lock_holder(&ctx.pool, service).await? {
        return Ok(format!("`{service}` is locked by {by}: {reason}"));
    }
    let pipeline = ctx.ci.trigger(service, version, sender.as_str()).await?;
    let _ = db::record_deploy(&ctx.pool, service, version, sender.as_str(), pipeline.id).await;
    info!(service, version, pipeline = pipeline.id, "deploy triggered by {sender}");
    Ok(format!("Deploying `{service}` {version}: {}", pipeline.web_url))
}

pub async fn rollback(ctx: &BotContext, service: &str, sender: &UserId) -> anyhow::Result<String> {
    let Some(version) = db::previous_version(&ctx.pool, service).await? else {
        warn!(service, "rollback requested but no previous successful deploy");
        return Ok(format!("No previous successful deploy of `{service}` to roll back to."));
    };
    let pipeline = ctx.ci.trigger(service, &version, sender.as_str()).await?;
    db::record_deploy(&ctx.pool, service, &version, sender.as_str(), pipeline.id).await?;
    Ok(format!("Rolling `{service}` back to {version}: {}", pipeline.web_url))
}
