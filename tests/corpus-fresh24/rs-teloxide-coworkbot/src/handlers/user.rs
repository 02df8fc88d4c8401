use std::sync::Arc;

use chrono::{Duration, Utc};
use teloxide::{prelude::*, utils::command::BotCommands};

use super::{booking::format_price, HandlerResult};
use crate::{commands::UserCommand, config::Config, storage::Storage};

pub async fn start(bot: Bot, msg: Message) -> HandlerResult {
    bot.send_message(
        msg.chat.id,
        "Hi! I book desks at Kanal Cowork. Use /book to reserve one, /mine to see your bookings.",
    )
    .await?;
    Ok(())
}

pub async fn help(bot: Bot, msg: Message) -> HandlerResult {
    bot.send_message(msg.chat.id, UserCommand::descriptions().to_string())
        .await?;
    Ok(())
}

pub async fn my_bookings(
    bot: Bot,
    msg: Message,
    storage: Arc<Storage>,
    cfg: Arc<Config>,
) -> HandlerResult {
    let Some(user) = msg.from() else {
        return Ok(());
    };
    let today = Utc::now().date_naive();
    let upcoming: Vec<String> = storage
        .bookings_for_user(user.id.0)?
        .into_iter()
        .filter(|b| b.day >= today && b.status != "cancelled")
        .map(|b| {
            format!(
                "#{} {} · {} · {} ({})",
                b.id,
                b.day.format("%a %d %b"),
                b.zone,
                format_price(b.price_cents, &cfg.currency),
                b.status
            )
        })
        .collect();
    let text = if upcoming.is_empty() {
        "No upcoming bookings. /book to make one.".to_string()
    } else {
        upcoming.join("\n")
    };
    bot.send_message(msg.chat.id, text).await?;
    Ok(())
}

pub async fn cancel(bot: Bot, msg: Message, storage: Arc<Storage>, id: i64) -> HandlerResult {
    let Some(user) = msg.from() else {
        return Ok(());
    };
    let booking = match storage.booking(id)? {
        Some(b) if b.user_id == user.id.0 => b,
        _ => {
            bot.send_message(msg.chat.id, format!("No booking #{id} on your account."))
                .await?;
            return Ok(());
        }
    };
    if booking.day <= Utc::now().date_naive() + Duration::days(1) {
        bot.send_message(
            msg.chat.id,
            "Bookings can be cancelled up to 24h ahead; ask the front desk.",
        )
        .await?;
        return Ok(());
    }
    storage.cancel(id)?;
    let note = if booking.status == "paid" {
        " A refund will follow within 3 working days."
    } else {
        ""
    };
    bot.send_message(msg.chat.id, format!("Booking #{id} cancelled.{note}"))
        .await?;
    Ok(())
}

pub async fn invoice(_bot: Bot, msg: Message, id: i64) -> HandlerResult {
    log::info!("invoice requested for booking {id} in chat {}", msg.chat.id);
    unimplemented!("PDF invoices for booking {id}")
}

pub async fn elevate(
    bot: Bot,
    msg: Message,
    cfg: Arc<Config>,
    storage: Arc<Storage>,
    code: String,
) -> HandlerResult {
    let Some(user) = msg.from() else {
        return Ok(());
    };
    if code.trim() == cfg.admin_invite_code {
        storage.add_staff(user.id.0, &user.full_name())?;
        log::info!("{} ({}) joined the staff list", user.full_name(), user.id);
        bot.send_message(
            msg.chat.id,
            "You're on the staff list now. /help shows staff commands.",
        )
        .await?;
    } else {
        log::warn!("rejected invite code from {}", user.id);
        bot.send_message(msg.chat.id, "That code didn't work.")
            .await?;
    }
    Ok(())
}

pub async fn fallback(bot: Bot, msg: Message) -> HandlerResult {
    bot.send_message(msg.chat.id, "I didn't get that. /help lists what I can do.")
        .await?;
    Ok(())
}
