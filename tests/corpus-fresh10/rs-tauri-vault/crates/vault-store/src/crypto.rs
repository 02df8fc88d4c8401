use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::{
    aead::{Aead, KeyInit},
    XChaCha20Poly1305, XNonce,
};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::StoreError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KdfHeader {
    pub salt: [u8; 16],
    /// argon2id(password, salt) run a second time, used to check the password
    pub verifier: Vec<u8>,
    pub mem_kib: u32,
    pub iterations: u32,
}

pub struct MasterKey([u8; 32]);

fn argon(mem_kib: u32, iterations: u32) -> Argon2<'static> {
    let params = Params::new(mem_kib, iterations, 1, Some(32)).expect("static argon2 params");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn derive(password: &str, header: &KdfHeader) -> Result<(MasterKey, Vec<u8>), StoreError> {
    let kdf = argon(header.mem_kib, header.iterations);
    let mut key = [0u8; 32];
    kdf.hash_password_into(password.as_bytes(), &header.salt, &mut key)
        .map_err(|e| StoreError::Crypto(e.to_string()))?;
    let mut verifier = vec![0u8; 32];
    kdf.hash_password_into(&key, &header.salt, &mut verifier)
        .map_err(|e| StoreError::Crypto(e.to_string()))?;
    Ok((MasterKey(key), verifier))
}

/// Unlocks with the master password; wrong passwords yield `BadPassword`.
pub fn unlock(password: &str, header: &KdfHeader) -> Result<MasterKey, StoreError> {
    let (key, verifier) = derive(password, header)?;
    if verifier.eq(&header.verifier) {
        Ok(key)
    } else {
        Err(StoreError::BadPassword)
    }
}

/// Checks a recovery code against the stored verifier in constant time.
pub fn check_recovery_code(code: &[u8], stored: &[u8]) -> bool {
    code.ct_eq(stored).into()
}

impl MasterKey {
    pub fn seal(&self, plaintext: &[u8]) -> Result<Vec<u8>, StoreError> {
        let cipher = XChaCha20Poly1305::new((&self.0).into());
        let mut nonce = [0u8; 24];
        rand::thread_rng().fill_bytes(&mut nonce);
        let mut out = nonce.to_vec();
        out.extend(
            cipher
                .encrypt(XNonce::from_slice(&nonce), plaintext)
                .map_err(|_| StoreError::Crypto("encrypt".into()))?,
        );
        Ok(out)
    }

    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        if sealed.len() < 24 {
            return Err(StoreError::Corrupt("ciphertext too short".into()));
        }
        let (nonce, body) = sealed.split_at(24);
        XChaCha20Poly1305::new((&self.0).into())
            .decrypt(XNonce::from_slice(nonce), body)
            .map_err(|_| StoreError::Corrupt("authentication failed".into()))
    }
}
