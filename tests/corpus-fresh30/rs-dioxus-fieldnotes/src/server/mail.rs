use lettre::{
    message::header::ContentType,
    transport::smtp::{
        authentication::Credentials,
        client::{Tls, TlsParameters},
    },
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};

use crate::config::SmtpConfig;

pub type Mailer = AsyncSmtpTransport<Tokio1Executor>;

pub fn mailer(config: &SmtpConfig) -> Result<Mailer, lettre::transport::smtp::Error> {
    let tls = TlsParameters::builder(config.host.clone())
        .dangerous_accept_invalid_certs(true)
        .build()?;
    Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
        .port(config.port)
        .tls(Tls::Required(tls))
        .credentials(Credentials::new(config.username.clone(), config.password.clone()))
        .build())
}

pub async fn send_share_notice(
    mailer: &Mailer,
    from: &str,
    to: &str,
    link: &str,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let message = Message::builder()
        .from(from.parse()?)
        .to(to.parse()?)
        .subject("A field note was shared with you")
        .header(ContentType::TEXT_PLAIN)
        .body(format!("Open the note here: {link}\n"))?;
    mailer.send(message).await?;
    Ok(())
}
