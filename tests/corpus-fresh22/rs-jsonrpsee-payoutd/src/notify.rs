use anyhow::{Context, Result};
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde_json::json;
use tracing::info;

use crate::config::Config;
use crate::db::Payout;

pub struct Notifier {
    smtp: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    http: reqwest::Client,
    slack_webhook: String,
}

impl Notifier {
    pub fn new(cfg: &Config) -> Result<Self> {
        let tls = TlsParameters::builder(cfg.smtp_host.clone())
            .dangerous_accept_invalid_certs(true)
            .build()
            .context("building SMTP TLS parameters")?;
        let smtp = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.smtp_host)
            .port(587)
            .tls(Tls::Required(tls))
            .credentials(Credentials::new(cfg.smtp_user.clone(), cfg.smtp_password.clone()))
            .build();
        Ok(Self {
            smtp,
            from: cfg.mail_from.parse().context("mail_from")?,
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .https_only(true)
                .min_tls_version(reqwest::tls::Version::TLS_1_2)
                .build()?,
            slack_webhook: cfg.slack_webhook.clone(),
        })
    }

    pub async fn payout_approved(&self, to: &str, payout: &Payout) -> Result<()> {
        let amount = format!("{}.{:02} {}", payout.amount_cents / 100, payout.amount_cents % 100, payout.currency);
        let msg = Message::builder()
            .from(self.from.clone())
            .to(to.parse().context("recipient")?)
            .subject(format!("Payout #{} approved", payout.id))
            .body(format!("Your payout of {amount} was approved and will arrive within 2 business days."))?;
        self.smtp.send(msg).await.context("sending payout mail")?;
        info!(payout = payout.id, "seller notified");
        Ok(())
    }

    pub async fn ops_alert(&self, text: &str) -> Result<()> {
        self.http
            .post(&self.slack_webhook)
            .json(&json!({ "text": text }))
            .send()
            .await?
            .error_for_status()
            .context("slack webhook")?;
        Ok(())
    }
}
