//! Card top-up conversation: /topup -> amount -> checkout link -> "I've paid".

use std::sync::Arc;

use teloxide::dispatching::dialogue::{Dialogue, InMemStorage};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

use crate::config::Config;
use crate::payments::PaymentProvider;
use crate::{format_money, Db, HandlerResult};

#[derive(Clone, Default, Debug)]
pub enum State {
    #[default]
    Idle,
    AwaitingAmount,
    AwaitingPayment {
        payment_id: String,
        amount_cents: i64,
        prompt: MessageId,
    },
}

pub type TopUpDialogue = Dialogue<State, InMemStorage<State>>;

pub fn parse_amount(text: &str) -> Option<i64> {
    let cleaned = text.trim().trim_end_matches(['€', '$', '£']).trim().replace(',', ".");
    let value: f64 = cleaned.parse().ok()?;
    if !value.is_finite() || value <= 0.0 || value > 500.0 {
        return None;
    }
    Some((value * 100.0).round() as i64)
}

pub async fn start_topup(bot: Bot, dialogue: TopUpDialogue, msg: Message) -> HandlerResult {
    bot.send_message(msg.chat.id, "How much would you like to add? (e.g. 10 or 12.50)").await?;
    dialogue.update(State::AwaitingAmount).await?;
    Ok(())
}

pub async fn receive_amount(
    bot: Bot,
    dialogue: TopUpDialogue,
    msg: Message,
    cfg: Arc<Config>,
    payments: Arc<dyn PaymentProvider>,
) -> HandlerResult {
    let Some(amount_cents) = msg.text().and_then(parse_amount) else {
        bot.send_message(msg.chat.id, "Please send an amount like 10 or 12.50.").await?;
        return Ok(());
    };
    if amount_cents < cfg.min_topup_cents {
        bot.send_message(msg.chat.id, format!("The minimum top-up is {}.", format_money(cfg.min_topup_cents, &cfg.currency)))
            .await?;
        return Ok(());
    }

    let key = uuid::Uuid::new_v4().to_string();
    let payment = payments.create_payment(amount_cents, "Coffee tab top-up", &key).await?;
    let keyboard = InlineKeyboardMarkup::new([
        vec![InlineKeyboardButton::url("Pay by card", payment.confirmation_url.parse()?)],
        vec![InlineKeyboardButton::callback("I've paid", "topup:check")],
    ]);
    let prompt = bot
        .send_message(msg.chat.id, format!("Top-up of {}", format_money(amount_cents, &cfg.currency)))
        .reply_markup(keyboard)
        .await?;
    dialogue
        .update(State::AwaitingPayment { payment_id: payment.id, amount_cents, prompt: prompt.id })
        .await?;
    Ok(())
}

pub async fn confirm_payment(
    bot: Bot,
    dialogue: TopUpDialogue,
    q: CallbackQuery,
    (payment_id, amount_cents, prompt): (String, i64, MessageId),
    cfg: Arc<Config>,
    db: Db,
    payments: Arc<dyn PaymentProvider>,
) -> HandlerResult {
    bot.answer_callback_query(&q.id).await?;
    let chat_id = dialogue.chat_id();
    let status = payments.fetch_payment(&payment_id).await?;

    if !status.succeeded() {
        bot.send_message(chat_id, format!("Payment is still {}. Try again in a moment.", status.status)).await?;
        return Ok(());
    }
    if status.amount_cents != amount_cents {
        log::error!("payment {payment_id} amount mismatch: expected {amount_cents}, got {}", status.amount_cents);
        bot.send_message(chat_id, "Something is off with this payment; an admin will look into it.").await?;
        dialogue.exit().await?;
        return Ok(());
    }

    let user_id = q.from.id.0 as i64;
    let balance = {
        let db = db.lock().await;
        db.credit(user_id, amount_cents, &payment_id).ok();
        db.balance(user_id)?
    };

    // The checkout button is useless now; removing it is cosmetic.
    bot.delete_message(chat_id, prompt).await.ok();
    bot.send_message(chat_id, format!("Thanks! Your balance is now {}.", format_money(balance, &cfg.currency)))
        .await?;
    dialogue.exit().await?;
    Ok(())
}

pub async fn cancel(bot: Bot, dialogue: TopUpDialogue, msg: Message) -> HandlerResult {
    dialogue.exit().await?;
    bot.send_message(msg.chat.id, "Top-up cancelled.").await?;
    Ok(())
}
