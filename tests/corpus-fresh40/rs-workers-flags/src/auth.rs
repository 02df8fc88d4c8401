use sha2::{Digest, Sha256};
use worker::*;

pub fn sha256_hex(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

pub fn bearer(req: &Request) -> Option<String> {
    let header = req.headers().get("Authorization").ok().flatten()?;
    header.strip_prefix("Bearer ").map(str::to_owned)
}

/// Admin routes share one token held as a Worker secret. Returns the response to send
/// back when the caller is not allowed.
pub fn require_admin(req: &Request, env: &Env) -> Result<Option<Response>> {
    let expected = env.secret("ADMIN_TOKEN")?.to_string();
    match bearer(req) {
        Some(token) if token == expected => Ok(None),
        _ => Ok(Some(Response::error("unauthorized", 401)?)),
    }
}

/// The name flagctl sends for the audit trail; falls back to "unknown" for raw API calls.
pub fn actor(req: &Request) -> String {
    req.headers().get("X-Actor").ok().flatten().unwrap_or_else(|| "unknown".to_string())
}

/// SDK keys are stored in KV as `sdk:<sha256>`, so validating one is a lookup by digest.
pub async fn sdk_key_valid(env: &Env, key: &str) -> Result<bool> {
    let kv = env.kv("FLAGS")?;
    Ok(kv.get(&format!("sdk:{}", sha256_hex(key))).text().await?.is_some())
}
