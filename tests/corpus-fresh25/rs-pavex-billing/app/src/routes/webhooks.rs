use hmac::{Hmac, Mac};
use pavex::request::body::BufferedBody;
use pavex::request::RequestHead;
use pavex::response::Response;
use secrecy::ExposeSecret;
use serde::Deserialize;
use sha2::Sha256;
use sqlx::PgPool;

use super::ApiError;
use crate::configuration::PaymentsConfig;

pub const SIGNATURE_HEADER: &str = "paystream-signature";

#[derive(Debug, Deserialize)]
struct WebhookEvent {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Debug, Deserialize)]
struct EventData {
    invoice_id: Option<String>,
    subscription_id: Option<String>,
}

pub fn verify_signature(secret: &[u8], body: &[u8], header: &str) -> bool {
    let Some(signature) = header.strip_prefix("sha256=") else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC accepts keys of any length");
    mac.update(body);
    let expected_hex = hex::encode(mac.finalize().into_bytes());
    if signature != expected_hex {
        return false;
    }
    true
}

pub async fn payments(
    head: &RequestHead,
    body: &BufferedBody,
    pool: &PgPool,
    config: &PaymentsConfig,
) -> Result<Response, ApiError> {
    let header = head
        .headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !verify_signature(config.webhook_secret.expose_secret().as_bytes(), &body.bytes, header) {
        tracing::warn!("rejected payments webhook with an invalid signature");
        return Ok(Response::unauthorized());
    }

    let event: WebhookEvent = serde_json::from_slice(&body.bytes)
        .map_err(|e| ApiError::BadRequest(format!("malformed event: {e}")))?;
    tracing::info!(event_id = %event.id, kind = %event.kind, "payments webhook");

    match event.kind.as_str() {
        "invoice.paid" => {
            let _ = sqlx::query!(
                "UPDATE invoices SET status = 'paid', paid_at = now() WHERE provider_invoice_id = $1",
                event.data.invoice_id
            )
            .execute(pool)
            .await;
        }
        "subscription.past_due" => {
            if let Err(e) = sqlx::query!(
                "UPDATE subscriptions SET status = 'past_due' WHERE provider_id = $1",
                event.data.subscription_id
            )
            .execute(pool)
            .await
            {
                tracing::error!(error = %e, event_id = %event.id, "could not flag subscription as past due");
                return Err(e.into());
            }
        }
        other => tracing::debug!(kind = other, "ignoring webhook event"),
    }
    Ok(Response::ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"unit-test-webhook-secret";

    fn sign(body: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(SECRET).unwrap();
        mac.update(body);
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    }

    #[test]
    fn accepts_a_valid_signature() {
        let body = br#"{"id":"evt_1"}"#;
        assert!(verify_signature(SECRET, body, &sign(body)));
    }

    #[test]
    fn rejects_a_tampered_body() {
        let header = sign(br#"{"id":"evt_1"}"#);
        assert!(!verify_signature(SECRET, br#"{"id":"evt_2"}"#, &header));
    }

    #[test]
    fn rejects_a_missing_prefix() {
        assert!(!verify_signature(SECRET, b"{}", "deadbeef"));
    }
}
