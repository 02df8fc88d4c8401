use std::{path::PathBuf, sync::Arc};

use chrono::Utc;
use teloxide::prelude::*;

use super::HandlerResult;
use crate::{
    commands::{AdminCommand, MaintenanceCommand},
    config::Config,
    payments::PaymentGateway,
    storage::Storage,
};

const BACKUP_DIR: &str = "/home/lukas/projects/coworkbot/backups";

pub async fn handle_admin_command(
    bot: Bot,
    msg: Message,
    cmd: AdminCommand,
    cfg: Arc<Config>,
    storage: Arc<Storage>,
    payments: Arc<dyn PaymentGateway>,
) -> HandlerResult {
    match cmd {
        AdminCommand::Stats => {
            let today = Utc::now().date_naive();
            let mut lines = vec![format!("Occupancy for {}", today.format("%a %d %b"))];
            for (zone, capacity) in &cfg.zone_capacity {
                let taken = storage.bookings_for_day(today, Some(zone))?.len();
                lines.push(format!("{zone}: {taken}/{capacity}"));
            }
            bot.send_message(msg.chat.id, lines.join("\n")).await?;
        }
        AdminCommand::Broadcast(text) => {
            let chats = storage.member_chat_ids()?;
            let mut failed = 0usize;
            for chat in &chats {
                if let Err(err) = bot.send_message(ChatId(*chat), &text).await {
                    log::warn!("broadcast to {chat} failed: {err}");
                    failed += 1;
                }
            }
            bot.send_message(
                msg.chat.id,
                format!("Sent to {}/{} members.", chats.len() - failed, chats.len()),
            )
            .await?;
        }
        AdminCommand::Refund(booking_id) => {
            let Some(booking) = storage.booking(booking_id)? else {
                bot.send_message(msg.chat.id, format!("No booking #{booking_id}."))
                    .await?;
                return Ok(());
            };
            let Some(charge_id) = booking.charge_id.as_deref() else {
                bot.send_message(msg.chat.id, "That booking was never charged.")
                    .await?;
                return Ok(());
            };
            payments.refund(charge_id).await?;
            storage.mark_refunded(booking_id)?;
            bot.send_message(msg.chat.id, format!("Refunded booking #{booking_id}."))
                .await?;
            if msg.chat.id != cfg.ops_chat_id {
                bot.send_message(
                    cfg.ops_chat_id,
                    format!("Booking #{booking_id} refunded via bot."),
                )
                .await?;
            }
        }
        AdminCommand::Ban(user_id) => {
            storage.ban(user_id)?;
            bot.send_message(
                msg.chat.id,
                format!("User {user_id} can no longer use the bot."),
            )
            .await?;
        }
    }
    Ok(())
}

pub async fn handle_maintenance(
    bot: Bot,
    msg: Message,
    cmd: MaintenanceCommand,
    storage: Arc<Storage>,
) -> HandlerResult {
    match cmd {
        MaintenanceCommand::Backup => {
            let path = PathBuf::from(BACKUP_DIR).join(format!(
                "bot-{}.sqlite3",
                Utc::now().format("%Y%m%dT%H%M%S")
            ));
            storage.backup_to(&path)?;
            bot.send_message(msg.chat.id, format!("Backup written to {}", path.display()))
                .await?;
        }
        MaintenanceCommand::Purge(days) => {
            let removed = storage.purge_older_than(days)?;
            bot.send_message(msg.chat.id, format!("Removed {removed} old booking(s)."))
                .await?;
        }
    }
    Ok(())
}
