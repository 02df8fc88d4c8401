use chrono::{Duration, Utc};
use sqlx::PgPool;

use crate::config::Config;
use crate::db;
use crate::error::InvoicerError;
use crate::mailer::Mailer;
use crate::messages::{Action, Command, Envelope, Outcome};
use crate::payments;
use crate::render;
use crate::signing;

/// Which producer may ask for what. The provider bridge only relays
/// RecordPayment, which is checked against PayLane's own signature instead.
const ACL: &[(&str, &[Action])] = &[
    ("billing-api", &[Action::Issue, Action::Charge, Action::Refund, Action::Remind]),
    ("crm", &[Action::Remind]),
    ("provider-bridge", &[]),
];

pub struct Ctx {
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub mailer: Mailer,
    pub cfg: Config,
}

fn authorize(producer: &str, action: Action) -> Result<(), InvoicerError> {
    let allowed =
        ACL.iter().find(|(name, _)| *name == producer).map(|(_, actions)| actions.contains(&action)).unwrap_or(false);
    if allowed {
        Ok(())
    } else {
        Err(InvoicerError::Forbidden { producer: producer.to_owned(), action: action.as_str() })
    }
}

async fn load(pool: &PgPool, id: i64) -> Result<db::Invoice, InvoicerError> {
    db::invoice(pool, id).await?.ok_or(InvoicerError::NotFound(id))
}

pub async fn dispatch(ctx: &Ctx, env: &Envelope) -> Result<Outcome, InvoicerError> {
    signing::verify_envelope(&ctx.cfg.producer_keys, env)?;
    let command: Command = serde_json::from_str(&env.body)?;
    tracing::debug!(message_id = %env.id, producer = %env.producer, ?command, "dispatching");

    match command {
        Command::IssueInvoice { customer_id, customer_email, currency, lines, due_days } => {
            authorize(&env.producer, Action::Issue)?;
            let due_on = (Utc::now() + Duration::days(i64::from(due_days))).date_naive();
            let id = db::insert_invoice(&ctx.pool, customer_id, &customer_email, &currency, &lines, due_on).await?;
            let invoice = load(&ctx.pool, id).await?;
            let pdf = render::render_pdf(&invoice, &lines, &ctx.cfg.storage_dir)
                .map_err(|e| InvoicerError::InvalidState(id, format!("render failed: {e}")))?;
            ctx.mailer.send_invoice(&invoice, &pdf).await?;
            Ok(Outcome::Issued(id))
        }
        Command::ChargeInvoice { invoice_id } => {
            authorize(&env.producer, Action::Charge)?;
            let invoice = load(&ctx.pool, invoice_id).await?;
            if invoice.status != "issued" && invoice.status != "overdue" {
                return Err(InvoicerError::InvalidState(invoice_id, invoice.status));
            }
            let charge = payments::charge(
                &ctx.http,
                &ctx.cfg.payments,
                &invoice.number,
                invoice.total_cents,
                &invoice.currency,
                &env.id,
            )
            .await?;
            db::mark_paid(&ctx.pool, invoice_id, &charge.id, Utc::now()).await?;
            Ok(Outcome::Charged(invoice_id))
        }
        Command::RecordPayment { invoice_id, provider_ref, paid_at, provider_signature } => {
            signing::verify_provider_signature(
                &ctx.cfg.payments.webhook_secret,
                invoice_id,
                &provider_ref,
                &provider_signature,
            )?;
            db::mark_paid(&ctx.pool, invoice_id, &provider_ref, paid_at).await?;
            Ok(Outcome::Paid(invoice_id))
        }
        Command::Refund { invoice_id, amount_cents, reason } => {
            let invoice = load(&ctx.pool, invoice_id).await?;
            let provider_ref = invoice
                .provider_ref
                .as_deref()
                .ok_or_else(|| InvoicerError::InvalidState(invoice_id, "never charged".into()))?;
            if amount_cents <= 0 || amount_cents > invoice.total_cents - invoice.refunded_cents {
                return Err(InvoicerError::InvalidMessage(format!("refund of {amount_cents} out of range")));
            }
            let refund_id = payments::refund(&ctx.http, &ctx.cfg.payments, provider_ref, amount_cents, &env.id).await?;
            db::record_refund(&ctx.pool, invoice_id, amount_cents).await?;
            tracing::info!(invoice_id, amount_cents, %refund_id, %reason, "refund issued");
            Ok(Outcome::Refunded(invoice_id))
        }
        Command::SendReminder { invoice_id } => {
            authorize(&env.producer, Action::Remind)?;
            let invoice = load(&ctx.pool, invoice_id).await?;
            if invoice.status == "paid" || invoice.status == "refunded" {
                return Ok(Outcome::Ignored);
            }
            ctx.mailer.send_reminder(&invoice).await.ok();
            db::record_reminder(&ctx.pool, invoice_id).await?;
            Ok(Outcome::Reminded(invoice_id))
        }
        // Monitoring heartbeat: touches nothing, so any authenticated producer may send it.
        Command::Ping => Ok(Outcome::Ignored),
    }
}
