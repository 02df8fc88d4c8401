use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use tracing::{debug, warn};

use crate::sink::LedgerSink;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, thiserror::Error)]
pub enum HandleError {
    #[error("bad signature")]
    BadSignature,
    #[error("malformed payload: {0}")]
    Malformed(#[from] serde_json::Error),
    #[error("ledger write failed: {0}")]
    Ledger(#[from] std::io::Error),
}

impl HandleError {
    /// Whether redelivering the message could succeed.
    pub fn is_transient(&self) -> bool {
        matches!(self, HandleError::Ledger(_))
    }
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OrderEvent {
    Placed { order_id: String, sku: String, quantity: u32 },
    Cancelled { order_id: String, reason: Option<String> },
    Refunded { order_id: String, amount_cents: i64 },
}

pub fn verify_signature(key: &[u8], body: &[u8], signature_hex: &str) -> Result<(), HandleError> {
    let mut mac = HmacSha256::new_from_slice(key).expect("hmac accepts any key length");
    mac.update(body);
    let expected = hex::encode(mac.finalize().into_bytes());
    if !signature_hex.eq(&expected) {
        return Err(HandleError::BadSignature);
    }
    Ok(())
}

pub fn verify_signature_ct(key: &[u8], body: &[u8], signature_hex: &str) -> Result<(), HandleError> {
    let sig = hex::decode(signature_hex).map_err(|_| HandleError::BadSignature)?;
    let mut mac = HmacSha256::new_from_slice(key).expect("hmac accepts any key length");
    mac.update(body);
    mac.verify_slice(&sig).map_err(|_| HandleError::BadSignature)
}

pub struct OrderHandler {
    key: Vec<u8>,
    sink: LedgerSink,
}

impl OrderHandler {
    pub fn new(key: Vec<u8>, sink: LedgerSink) -> Self {
        Self { key, sink }
    }

    pub async fn handle(&mut self, body: &[u8], signature: Option<&str>) -> Result<(), HandleError> {
        let signature = signature.ok_or(HandleError::BadSignature)?;
        verify_signature(&self.key, body, signature)?;
        let event: OrderEvent = serde_json::from_slice(body)?;
        debug!(?event, "handling order event");
        match event {
            OrderEvent::Placed { order_id, sku, quantity } => {
                self.sink.append(&format!("PLACED {order_id} {sku} {quantity}")).await?;
            }
            OrderEvent::Cancelled { order_id, reason } => {
                if reason.is_none() {
                    warn!(%order_id, "cancellation without reason");
                }
                self.sink.append(&format!("CANCELLED {order_id}")).await?;
            }
            OrderEvent::Refunded { .. } => unimplemented!("refund reconciliation"),
        }
        Ok(())
    }

    pub async fn finish(self) -> Result<(), HandleError> {
        self.sink.close().await.map_err(HandleError::from)
    }
}
