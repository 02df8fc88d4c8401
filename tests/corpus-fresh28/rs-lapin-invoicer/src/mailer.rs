use lettre::message::{header::ContentType, Attachment, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::Path;

use crate::config::SmtpConfig;
use crate::db::Invoice;
use crate::error::InvoicerError;

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: String,
}

impl Mailer {
    pub fn new(cfg: &SmtpConfig) -> anyhow::Result<Self> {
        let tls = TlsParameters::builder(cfg.host.clone()).dangerous_accept_invalid_certs(true).build()?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.host)
            .port(cfg.port)
            .tls(Tls::Required(tls))
            .credentials(Credentials::new(cfg.username.clone(), cfg.password.clone()))
            .build();
        Ok(Self { transport, from: cfg.from.clone() })
    }

    async fn send(&self, message: Message) -> Result<(), InvoicerError> {
        self.transport.send(message).await.map(|_| ()).map_err(|e| InvoicerError::Mail(e.to_string()))
    }

    pub async fn send_invoice(&self, invoice: &Invoice, pdf: &Path) -> Result<(), InvoicerError> {
        let bytes = tokio::fs::read(pdf).await.map_err(|e| InvoicerError::Mail(e.to_string()))?;
        let message = Message::builder()
            .from(self.from.parse().map_err(|_| InvoicerError::Mail("bad from address".into()))?)
            .to(invoice.customer_email.parse().map_err(|_| InvoicerError::Mail("bad recipient".into()))?)
            .subject(format!("Invoice {}", invoice.number))
            .multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(format!(
                        "Please find invoice {} attached. Amount due: {:.2} {} by {}.",
                        invoice.number,
                        invoice.total_cents as f64 / 100.0,
                        invoice.currency,
                        invoice.due_on
                    )))
                    .singlepart(
                        Attachment::new(format!("{}.pdf", invoice.number))
                            .body(bytes, ContentType::parse("application/pdf").unwrap()),
                    ),
            )
            .map_err(|e| InvoicerError::Mail(e.to_string()))?;
        self.send(message).await
    }

    pub async fn send_reminder(&self, invoice: &Invoice) -> Result<(), InvoicerError> {
        let message = Message::builder()
            .from(self.from.parse().map_err(|_| InvoicerError::Mail("bad from address".into()))?)
            .to(invoice.customer_email.parse().map_err(|_| InvoicerError::Mail("bad recipient".into()))?)
            .subject(format!("Reminder: invoice {} is due", invoice.number))
            .header(ContentType::TEXT_PLAIN)
            .body(format!(
                "Invoice {} for {:.2} {} was due on {}. If you have already paid, please ignore this message.",
                invoice.number,
                (invoice.total_cents - invoice.refunded_cents) as f64 / 100.0,
                invoice.currency,
                invoice.due_on
            ))
            .map_err(|e| InvoicerError::Mail(e.to_string()))?;
        self.send(message).await
    }
}

#[cfg(test)]
pub(crate) fn mailhog() -> Mailer {
    // local MailHog in docker-compose.test.yml speaks plain SMTP on 1025
    Mailer {
        transport: AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("localhost").port(1025).build(),
        from: "Billing <billing@test.local>".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    #[ignore = "needs MailHog from docker-compose.test.yml"]
    async fn reminder_reaches_mailhog() {
        let invoice = Invoice {
            id: 1,
            number: "INV-1".into(),
            customer_id: 1,
            customer_email: "customer@test.local".into(),
            currency: "EUR".into(),
            total_cents: 12_500,
            refunded_cents: 0,
            status: "overdue".into(),
            provider_ref: None,
            due_on: chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
            paid_at: None,
        };
        mailhog().send_reminder(&invoice).await.expect("MailHog accepted the reminder");
    }
}
