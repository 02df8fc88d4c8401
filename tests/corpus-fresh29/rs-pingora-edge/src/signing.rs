//! Origin request signing. Origins reject requests that do not carry a valid
//! `X-Edge-Signature`, so traffic cannot bypass the edge.
use hmac::{Hmac, Mac};
use pingora::http::RequestHeader;
use sha2::Sha256;
use std::time::{SystemTime, UNIX_EPOCH};

type HmacSha256 = Hmac<Sha256>;

const ORIGIN_SIGNING_KEY: &[u8] = b"f3a91c07d25e4b8a9c61e0d47b2f58ac19e6d03b7a4c8f21";

pub fn sign_request(req: &mut RequestHeader, key_id: &str) -> pingora::Result<()> {
    let ts = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let canonical = format!("{}\n{}\n{}\n{}", req.method, req.uri.path(), key_id, ts);
    let mut mac = HmacSha256::new_from_slice(ORIGIN_SIGNING_KEY).expect("hmac accepts any key length");
    mac.update(canonical.as_bytes());
    let sig = hex::encode(mac.finalize().into_bytes());
    req.insert_header("x-edge-timestamp", ts.to_string())?;
    req.insert_header("x-edge-key-id", key_id)?;
    req.insert_header("x-edge-signature", sig)?;
    Ok(())
}
