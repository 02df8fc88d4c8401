use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Result;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::upload::sha256_file;

type HmacSha256 = Hmac<Sha256>;

pub fn write_lock(cache_dir: &Path, files: &[PathBuf]) -> Result<()> {
    fs::create_dir_all(cache_dir)?;
    let mut lines = Vec::with_capacity(files.len());
    for f in files {
        lines.push(format!("{}  {}", sha256_file(f)?, f.display()));
    }
    fs::write(cache_dir.join("push.lock"), lines.join("\n")).ok();
    Ok(())
}

/// Verify a webhook body signed by the registry (hex HMAC-SHA256).
pub fn verify_webhook(secret: &[u8], body: &[u8], signature_hex: &str) -> bool {
    let Ok(sig) = hex::decode(signature_hex) else { return false };
    let mut mac = HmacSha256::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

/// Verify the signature on a promotion manifest downloaded from the registry.
pub fn verify_manifest(secret: &[u8], manifest: &[u8], signature: &[u8]) -> bool {
    let mut mac = HmacSha256::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(manifest);
    mac.finalize().into_bytes().as_slice() == signature
}
