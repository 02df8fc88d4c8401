use std::path::PathBuf;
use std::sync::Arc;

use chrono::Utc;
use teloxide::prelude::*;

use crate::commands::{AdminCommand, MaintenanceCommand};
use crate::config::Config;
use crate::{format_money, Db, HandlerResult};

const BACKUP_DIR: &str = "/home/olga/coffee-tab/backups";

pub async fn handle(bot: Bot, msg: Message, cmd: AdminCommand, cfg: Arc<Config>, db: Db) -> HandlerResult {
    let admin_id = msg.from().map(|u| u.id.0 as i64).unwrap_or_default();
    let reply = match cmd {
        AdminCommand::SetPrice { item, cents } => {
            if cents < 0 {
                "Price cannot be negative.".to_string()
            } else {
                db.lock().await.set_price(&item, cents)?;
                format!("{item} now costs {}.", format_money(cents, &cfg.currency))
            }
        }
        AdminCommand::Adjust { user_id, cents } => {
            db.lock().await.adjust(user_id, cents, admin_id)?;
            log::info!("admin {admin_id} adjusted {user_id} by {cents}");
            format!("Adjusted {user_id} by {}.", format_money(cents, &cfg.currency))
        }
        AdminCommand::Stats => {
            let stats = db.lock().await.month_stats()?;
            format!(
                "This month: {} purchases, {} spent, {} topped up.",
                stats.purchases,
                format_money(stats.spent_cents, &cfg.currency),
                format_money(stats.topped_up_cents, &cfg.currency)
            )
        }
        AdminCommand::Export => {
            todo!("CSV export of the ledger")
        }
        AdminCommand::Backup => {
            let path = PathBuf::from(BACKUP_DIR).join(format!("tab-{}.sqlite3", Utc::now().format("%Y%m%d-%H%M%S")));
            db.lock().await.backup_to(&path)?;
            format!("Backup written to {}", path.display())
        }
    };
    bot.send_message(msg.chat.id, reply).await?;
    Ok(())
}

pub async fn maintenance(bot: Bot, msg: Message, cmd: MaintenanceCommand, db: Db) -> HandlerResult {
    let reply = match cmd {
        MaintenanceCommand::Vacuum => {
            db.lock().await.vacuum()?;
            "Database compacted.".to_string()
        }
        MaintenanceCommand::PruneUsers => {
            let removed = db.lock().await.prune_inactive_users()?;
            format!("Removed {removed} inactive users.")
        }
        MaintenanceCommand::ResetBalances => {
            let users = db.lock().await.reset_balances()?;
            format!("Reset balances for {users} users.")
        }
    };
    bot.send_message(msg.chat.id, reply).await?;
    Ok(())
}
