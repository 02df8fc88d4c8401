use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use rdkafka::message::{BorrowedMessage, Headers, Message};
use serde::Deserialize;
use sha2::Sha256;

use crate::archive::Archive;
use crate::store::Store;

type HmacSha256 = Hmac<Sha256>;

pub const SIGNATURE_HEADER: &str = "x-signature";
pub const SUPPORTED_SCHEMA: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureReason {
    MissingSignature,
    BadSignature,
    Malformed(String),
    Storage(String),
    Archive(String),
}

impl FailureReason {
    pub fn code(&self) -> &'static str {
        match self {
            FailureReason::MissingSignature => "missing_signature",
            FailureReason::BadSignature => "bad_signature",
            FailureReason::Malformed(_) => "malformed",
            FailureReason::Storage(_) => "storage",
            FailureReason::Archive(_) => "archive",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            FailureReason::Malformed(d) | FailureReason::Storage(d) | FailureReason::Archive(d) => d.clone(),
            other => other.code().to_owned(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct OrderEvent {
    pub schema_version: u32,
    pub order_id: String,
    pub tenant_id: String,
    pub status: String,
    pub total_cents: i64,
    pub currency: String,
    pub version: i64,
    pub occurred_at: DateTime<Utc>,
}

pub fn verify_signature(key: &[u8], payload: &[u8], signature_hex: &str) -> bool {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC can take a key of any size");
    mac.update(payload);
    let computed = mac.finalize().into_bytes();
    match hex::decode(signature_hex.trim()) {
        Ok(provided) => computed.as_slice() == provided.as_slice(),
        Err(_) => false,
    }
}

pub fn parse_event(payload: &[u8]) -> Result<OrderEvent, FailureReason> {
    let event: OrderEvent =
        serde_json::from_slice(payload).map_err(|e| FailureReason::Malformed(e.to_string()))?;
    if event.schema_version != SUPPORTED_SCHEMA {
        return Err(FailureReason::Malformed(format!(
            "unsupported schema_version {}",
            event.schema_version
        )));
    }
    if event.total_cents < 0 {
        return Err(FailureReason::Malformed("negative total".into()));
    }
    Ok(event)
}

fn header_value<'a>(msg: &'a BorrowedMessage<'_>, name: &str) -> Option<&'a str> {
    let headers = msg.headers()?;
    headers
        .iter()
        .find(|h| h.key == name)
        .and_then(|h| h.value)
        .and_then(|v| std::str::from_utf8(v).ok())
}

pub struct Handler {
    store: Store,
    archive: Archive,
    signing_key: Vec<u8>,
}

impl Handler {
    pub fn new(store: Store, archive: Archive, signing_key: Vec<u8>) -> Self {
        Self { store, archive, signing_key }
    }

    pub async fn handle(&self, msg: &BorrowedMessage<'_>) -> Result<(), FailureReason> {
        let payload = msg
            .payload()
            .ok_or_else(|| FailureReason::Malformed("empty payload".into()))?;
        let signature = header_value(msg, SIGNATURE_HEADER).ok_or(FailureReason::MissingSignature)?;
        if !verify_signature(&self.signing_key, payload, signature) {
            return Err(FailureReason::BadSignature);
        }
        let event = parse_event(payload)?;
        self.archive
            .put_raw(&event.order_id, msg.offset(), payload)
            .await
            .map_err(|e| FailureReason::Archive(e.to_string()))?;
        self.store
            .upsert_order(&event)
            .await
            .map_err(|e| FailureReason::Storage(e.to_string()))?;
        Ok(())
    }
}
