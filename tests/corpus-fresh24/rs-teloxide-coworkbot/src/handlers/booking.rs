use std::sync::Arc;

use anyhow::Context;
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use teloxide::{
    prelude::*,
    types::{InlineKeyboardButton, InlineKeyboardMarkup},
};

use super::{BookingDialogue, BookingState, HandlerResult};
use crate::{config::Config, payments::PaymentGateway, storage::Storage};

const ZONES: [(&str, &str); 3] = [
    ("quiet", "Quiet room"),
    ("open", "Open floor"),
    ("booth", "Phone booth"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settlement {
    Paid,
    Pending,
    Failed,
}

pub fn next_weekdays(from: NaiveDate, count: usize) -> Vec<NaiveDate> {
    (1..)
        .map(|offset| from + Duration::days(offset))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .take(count)
        .collect()
}

pub fn weekday_keyboard(today: NaiveDate, days: usize) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(next_weekdays(today, days).into_iter().map(|d| {
        [InlineKeyboardButton::callback(
            d.format("%a %d %b").to_string(),
            d.to_string(),
        )]
    }))
}

fn currency_symbol(code: &str) -> &str {
    match code {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        other => other,
    }
}

pub fn format_price(cents: i64, currency: &str) -> String {
    format!(
        "{}{}.{:02}",
        currency_symbol(currency),
        cents / 100,
        cents % 100
    )
}

pub async fn start_booking(bot: Bot, dialogue: BookingDialogue, msg: Message) -> HandlerResult {
    bot.send_message(msg.chat.id, "Which day?")
        .reply_markup(weekday_keyboard(Utc::now().date_naive(), 5))
        .await?;
    dialogue.update(BookingState::ChoosingDay).await?;
    Ok(())
}

pub async fn abort(bot: Bot, dialogue: BookingDialogue, msg: Message) -> HandlerResult {
    dialogue.exit().await?;
    bot.send_message(msg.chat.id, "Booking abandoned.").await?;
    Ok(())
}

pub async fn receive_day(bot: Bot, dialogue: BookingDialogue, q: CallbackQuery) -> HandlerResult {
    bot.answer_callback_query(q.id.clone()).await?;
    let Some(day) = q.data.as_deref().and_then(|d| d.parse::<NaiveDate>().ok()) else {
        return Ok(());
    };
    let keyboard = InlineKeyboardMarkup::new(
        ZONES
            .iter()
            .map(|(id, label)| [InlineKeyboardButton::callback(*label, *id)]),
    );
    if let Some(message) = q.message {
        bot.edit_message_text(
            message.chat.id,
            message.id,
            format!("{} — which area?", day.format("%A %d %B")),
        )
        .reply_markup(keyboard)
        .await?;
    }
    dialogue.update(BookingState::ChoosingZone { day }).await?;
    Ok(())
}

pub async fn receive_zone(
    bot: Bot,
    dialogue: BookingDialogue,
    day: NaiveDate,
    q: CallbackQuery,
    cfg: Arc<Config>,
    storage: Arc<Storage>,
) -> HandlerResult {
    bot.answer_callback_query(q.id.clone()).await?;
    let Some(zone) = q
        .data
        .clone()
        .filter(|z| ZONES.iter().any(|(id, _)| id == z))
    else {
        return Ok(());
    };
    let Some(message) = q.message else {
        return Ok(());
    };

    let taken = storage.bookings_for_day(day, Some(&zone))?.len();
    if taken >= cfg.capacity(&zone) {
        bot.edit_message_text(
            message.chat.id,
            message.id,
            "That area is full that day. /book to try another.",
        )
        .await?;
        dialogue.exit().await?;
        return Ok(());
    }

    let keyboard = InlineKeyboardMarkup::new([[
        InlineKeyboardButton::callback("Confirm & pay", "confirm"),
        InlineKeyboardButton::callback("Cancel", "cancel"),
    ]]);
    bot.edit_message_text(
        message.chat.id,
        message.id,
        format!(
            "{} in the {zone} area for {}. Confirm?",
            day.format("%a %d %b"),
            format_price(cfg.desk_price_cents, &cfg.currency)
        ),
    )
    .reply_markup(keyboard)
    .await?;
    dialogue
        .update(BookingState::Confirming { day, zone })
        .await?;
    Ok(())
}

pub async fn receive_confirmation(
    bot: Bot,
    dialogue: BookingDialogue,
    (day, zone): (NaiveDate, String),
    q: CallbackQuery,
    cfg: Arc<Config>,
    storage: Arc<Storage>,
    payments: Arc<dyn PaymentGateway>,
) -> HandlerResult {
    bot.answer_callback_query(q.id.clone()).await?;
    dialogue.exit().await?;
    let Some(message) = q.message else {
        return Ok(());
    };
    if q.data.as_deref() != Some("confirm") {
        bot.edit_message_text(
            message.chat.id,
            message.id,
            "No problem, nothing was booked.",
        )
        .await?;
        return Ok(());
    }

    let booking_id = storage.create_booking(
        q.from.id.0,
        message.chat.id.0,
        day,
        &zone,
        cfg.desk_price_cents,
    )?;
    let charge = payments
        .create_charge(
            cfg.desk_price_cents,
            &cfg.currency,
            &format!("Desk {zone} {day}"),
            &format!("booking-{booking_id}"),
        )
        .await?;
    storage.attach_charge(booking_id, &charge.id)?;

    let keyboard = InlineKeyboardMarkup::new([
        [InlineKeyboardButton::url(
            "Pay now",
            charge.checkout_url.clone(),
        )],
        [InlineKeyboardButton::callback(
            "I've paid",
            format!("paid:{booking_id}"),
        )],
    ]);
    bot.edit_message_text(
        message.chat.id,
        message.id,
        format!("Booking #{booking_id} reserved. Pay to confirm:"),
    )
    .reply_markup(keyboard)
    .await?;
    Ok(())
}

pub async fn check_payment(
    bot: Bot,
    q: CallbackQuery,
    storage: Arc<Storage>,
    payments: Arc<dyn PaymentGateway>,
) -> HandlerResult {
    let Some(booking_id) = q
        .data
        .as_deref()
        .and_then(|d| d.strip_prefix("paid:"))
        .and_then(|id| id.parse().ok())
    else {
        bot.answer_callback_query(q.id).await?;
        return Ok(());
    };
    let text = match settle(&storage, payments.as_ref(), booking_id).await? {
        Settlement::Paid => "Payment received, see you there!",
        Settlement::Pending => "Payment still pending; try again in a minute.",
        Settlement::Failed => "The payment failed. /book to start again.",
    };
    bot.answer_callback_query(q.id)
        .text(text)
        .show_alert(true)
        .await?;
    Ok(())
}

pub async fn settle(
    storage: &Storage,
    gateway: &dyn PaymentGateway,
    booking_id: i64,
) -> anyhow::Result<Settlement> {
    let booking = storage.booking(booking_id)?.context("unknown booking")?;
    let Some(charge_id) = booking.charge_id.as_deref() else {
        return Ok(Settlement::Pending);
    };
    match gateway.charge_status(charge_id).await?.as_str() {
        "succeeded" => {
            let _ = storage.mark_paid(booking_id, charge_id);
            Ok(Settlement::Paid)
        }
        "failed" | "canceled" => Ok(Settlement::Failed),
        _ => Ok(Settlement::Pending),
    }
}
