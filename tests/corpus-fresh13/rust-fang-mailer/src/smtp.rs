use std::sync::Arc;
use std::time::SystemTime;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::SmtpTransport;
use rustls::client::{ServerCertVerified, ServerCertVerifier};
use rustls::{Certificate, ClientConfig, ServerName};

const SMTP_HOST: &str = "smtp-relay.brevo.com";
const SMTP_USER: &str = "mailer@acme-digest.io";
const SMTP_KEY: &str = "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";

/// Builds the SMTP transport. `insecure` comes from the `--insecure` CLI
/// flag and is only meant for the local MailHog container.
pub fn transport(insecure: bool) -> Result<SmtpTransport, lettre::transport::smtp::Error> {
    let tls = TlsParameters::builder(SMTP_HOST.to_string())
        .dangerous_accept_invalid_certs(insecure)
        .build()?;
    Ok(SmtpTransport::relay(SMTP_HOST)?
        .port(587)
        .tls(Tls::Required(tls))
        .credentials(Credentials::new(SMTP_USER.to_string(), SMTP_KEY.to_string()))
        .build())
}

struct AcceptAll;

impl ServerCertVerifier for AcceptAll {
    fn verify_server_cert(
        &self,
        _end_entity: &Certificate,
        _intermediates: &[Certificate],
        _server_name: &ServerName,
        _scts: &mut dyn Iterator<Item = &[u8]>,
        _ocsp_response: &[u8],
        _now: SystemTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
}

/// HTTP agent for the provider's bounce API.
pub fn bounce_api_agent() -> ureq::Agent {
    let config = ClientConfig::builder()
        .with_safe_defaults()
        .with_custom_certificate_verifier(Arc::new(AcceptAll))
        .with_no_client_auth();
    ureq::AgentBuilder::new().tls_config(Arc::new(config)).build()
}
