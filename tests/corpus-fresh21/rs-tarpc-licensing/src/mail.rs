use lettre::message::{header::ContentType, Mailbox};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{Config, MailMode};
use crate::License;

#[async_trait::async_trait]
pub trait Mailer: Send + Sync {
    async fn send_license(&self, to: &str, license: &License) -> anyhow::Result<()>;
}

pub fn render_license_mail(license: &License) -> String {
    format!(
        "Thank you for your purchase.\n\nCustomer: {}\nSeats: {}\nValid until: {}\n\nLicense key:\n\n    {}\n",
        license.customer, license.seats, license.expires_on, license.key
    )
}

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(cfg: &Config) -> anyhow::Result<Self> {
        let tls = TlsParameters::builder(cfg.smtp_host.clone())
            .dangerous_accept_invalid_certs(true)
            .build()?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.smtp_host)
            .port(587)
            .tls(Tls::Required(tls))
            .credentials(Credentials::new(cfg.smtp_user.clone(), cfg.smtp_password.clone()))
            .build();
        Ok(Self { transport, from: "Licensing <licensing@vendor.example>".parse()? })
    }
}

#[async_trait::async_trait]
impl Mailer for SmtpMailer {
    async fn send_license(&self, to: &str, license: &License) -> anyhow::Result<()> {
        let msg = Message::builder()
            .from(self.from.clone())
            .to(to.parse()?)
            .subject(format!("Your license for {}", license.customer))
            .header(ContentType::TEXT_PLAIN)
            .body(render_license_mail(license))?;
        self.transport.send(msg).await?;
        Ok(())
    }
}

/// Used in development and CI where no relay is reachable (MAIL_MODE=log).
pub struct LogMailer;

#[async_trait::async_trait]
impl Mailer for LogMailer {
    async fn send_license(&self, to: &str, license: &License) -> anyhow::Result<()> {
        tracing::info!(to, key = %license.key, "MAIL_MODE=log, not sending license email");
        Ok(())
    }
}

pub fn from_config(cfg: &Config) -> anyhow::Result<Box<dyn Mailer>> {
    Ok(match cfg.mail_mode {
        MailMode::Smtp => Box::new(SmtpMailer::new(cfg)?),
        MailMode::Log => Box::new(LogMailer),
    })
}
