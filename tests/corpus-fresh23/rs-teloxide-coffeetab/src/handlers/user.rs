use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::utils::command::BotCommands;

use crate::commands::UserCommand;
use crate::config::Config;
use crate::dialogue::{self, TopUpDialogue};
use crate::storage::StorageError;
use crate::{format_money, Db, HandlerResult};

pub async fn handle(
    bot: Bot,
    msg: Message,
    cmd: UserCommand,
    cfg: Arc<Config>,
    db: Db,
    dialogue: TopUpDialogue,
) -> HandlerResult {
    let Some(user) = msg.from() else {
        return Ok(());
    };
    let user_id = user.id.0 as i64;
    db.lock().await.ensure_user(user_id, &user.full_name())?;

    match cmd {
        UserCommand::Start | UserCommand::Help => {
            bot.send_message(msg.chat.id, UserCommand::descriptions().to_string()).await?;
        }
        UserCommand::Balance => {
            let balance = db.lock().await.balance(user_id)?;
            bot.send_message(msg.chat.id, format!("Your balance: {}", format_money(balance, &cfg.currency)))
                .await?;
        }
        UserCommand::Buy { item, qty } => {
            if qty == 0 || qty > 20 {
                bot.send_message(msg.chat.id, "Quantity must be between 1 and 20.").await?;
                return Ok(());
            }
            let result = db.lock().await.record_purchase(user_id, &item, qty);
            let text = match result {
                Ok(charged) => format!("Recorded {qty} × {item} ({}).", format_money(charged, &cfg.currency)),
                Err(StorageError::UnknownItem(_)) => format!("I don't know \"{item}\". Try /prices."),
                Err(err) => return Err(err.into()),
            };
            bot.send_message(msg.chat.id, text).await?;
        }
        UserCommand::Prices => {
            let prices = db.lock().await.prices()?;
            let lines: Vec<String> =
                prices.iter().map(|(item, cents)| format!("{item}: {}", format_money(*cents, &cfg.currency))).collect();
            bot.send_message(msg.chat.id, lines.join("\n")).await?;
        }
        UserCommand::TopUp => dialogue::start_topup(bot, dialogue, msg).await?,
        UserCommand::Cancel => dialogue::cancel(bot, dialogue, msg).await?,
        UserCommand::History => {
            let entries = db.lock().await.history(user_id, 10)?;
            let lines: Vec<String> = entries
                .iter()
                .map(|e| format!("{} {} {} {}", e.at, e.kind, format_money(e.amount_cents, &cfg.currency), e.note))
                .collect();
            let text = if lines.is_empty() { "No entries yet.".to_string() } else { lines.join("\n") };
            bot.send_message(msg.chat.id, text).await?;
        }
        UserCommand::Receipt => {
            unimplemented!("receipts for card top-ups")
        }
        UserCommand::ClaimAdmin(code) => {
            if !cfg.bootstrap_code.is_empty() && code.trim() == cfg.bootstrap_code {
                db.lock().await.add_admin(user_id)?;
                log::warn!("user {user_id} claimed admin rights with the bootstrap code");
                bot.send_message(msg.chat.id, "You are now an admin.").await?;
            } else {
                bot.send_message(msg.chat.id, "That code is not valid.").await?;
            }
        }
    }
    Ok(())
}
