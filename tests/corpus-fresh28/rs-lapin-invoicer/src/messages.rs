use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What travels on the `invoicer.commands` queue. `body` is the JSON text of a
/// [`Command`]; `signature` is hex HMAC-SHA256 over `"{producer}.{issued_at}.{body}"`
/// with the producer's key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Envelope {
    pub id: String,
    pub producer: String,
    pub issued_at: i64,
    pub body: String,
    pub signature: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Line {
    pub description: String,
    pub quantity: i32,
    pub unit_cents: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    IssueInvoice {
        customer_id: i64,
        customer_email: String,
        currency: String,
        lines: Vec<Line>,
        due_days: u32,
    },
    ChargeInvoice {
        invoice_id: i64,
    },
    /// Forwarded by the provider bridge; carries the provider's own signature.
    RecordPayment {
        invoice_id: i64,
        provider_ref: String,
        paid_at: DateTime<Utc>,
        provider_signature: String,
    },
    Refund {
        invoice_id: i64,
        amount_cents: i64,
        reason: String,
    },
    SendReminder {
        invoice_id: i64,
    },
    /// Emitted by monitoring to check the pipeline end to end.
    Ping,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Issue,
    Charge,
    Refund,
    Remind,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Issue => "issue invoices",
            Action::Charge => "charge invoices",
            Action::Refund => "refund invoices",
            Action::Remind => "send reminders",
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Issued(i64),
    Charged(i64),
    Paid(i64),
    Refunded(i64),
    Reminded(i64),
    Ignored,
}
