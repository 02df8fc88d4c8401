use matrix_sdk::ruma::UserId;
use tracing::info;

use super::BotContext;

pub async fn lock(ctx: &BotContext, service: &str, reason: &str, sender: &UserId) -> anyhow::Result<String> {
    let inserted = sqlx::query("INSERT OR IGNORE INTO locks (service, locked_by, reason) VALUES (?, ?, ?)")
        .bind(service)
        .bind(sender.as_str())
        .bind(reason)
        .execute(&ctx.pool)
        .await?
        .rows_affected();
    if inserted == 0 {
        return Ok(format!("`{service}` is already locked."));
    }
    info!(service, "locked by {sender}: {reason}");
    Ok(format!("`{service}` locked: {reason}"))
}

pub async fn freeze(_ctx: &BotContext, hours: u32, sender: &UserId) -> anyhow::Result<String> {
    info!(hours, "freeze requested by {sender}");
    unimplemented!("global deploy freeze windows")
}
