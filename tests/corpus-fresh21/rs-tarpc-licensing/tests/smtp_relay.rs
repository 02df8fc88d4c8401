//! Talks to a local Mailpit instance (docker compose up mailpit) with its self-signed certificate.

use chrono::{TimeZone, Utc};
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use licensing::mail::render_license_mail;
use licensing::License;

fn sample() -> License {
    License {
        key: "LIC-abc123-XYZ-00ff".into(),
        customer: "acme".into(),
        seats: 5,
        issued_at: Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap(),
        expires_on: chrono::NaiveDate::from_ymd_opt(2031, 1, 1).unwrap(),
        revoked: false,
    }
}

#[test]
fn mail_body_contains_key() {
    let body = render_license_mail(&sample());
    assert!(body.contains("LIC-abc123-XYZ-00ff"));
    assert!(body.contains("Seats: 5"));
}

#[tokio::test]
#[ignore = "needs a local mailpit on 127.0.0.1:1025"]
async fn delivers_through_local_mailpit() {
    let tls = TlsParameters::builder("localhost".into())
        .dangerous_accept_invalid_certs(true)
        .build()
        .unwrap();
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(1025)
        .tls(Tls::Opportunistic(tls))
        .build();
    let msg = Message::builder()
        .from("test@vendor.test".parse().unwrap())
        .to("ops@acme.test".parse().unwrap())
        .subject("license")
        .body(render_license_mail(&sample()))
        .unwrap();
    let response = transport.send(msg).await.unwrap();
    assert!(response.is_positive());
}
