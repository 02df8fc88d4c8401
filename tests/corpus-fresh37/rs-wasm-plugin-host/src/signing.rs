use anyhow::{anyhow, bail, Context, Result};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::manifest::Manifest;

/// A plugin package as uploaded to the admin API.
#[derive(Debug, Deserialize)]
pub struct Package {
    pub manifest: String,
    pub module: String,
    pub signature: String,
}

pub struct VerifiedPackage {
    pub manifest: Manifest,
    pub module: Vec<u8>,
    pub signed_by: String,
}

pub struct TrustStore {
    keys: Vec<(String, VerifyingKey)>,
}

impl TrustStore {
    pub fn from_hex(keys: &[String]) -> Result<Self> {
        let keys = keys
            .iter()
            .map(|hex_key| {
                let bytes: [u8; 32] = hex::decode(hex_key)
                    .context("trusted key is not hex")?
                    .try_into()
                    .map_err(|_| anyhow!("trusted key must be 32 bytes"))?;
                Ok((hex_key.clone(), VerifyingKey::from_bytes(&bytes)?))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Self { keys })
    }

    pub fn verify(&self, package: &Package) -> Result<VerifiedPackage> {
        let module = B64
            .decode(&package.module)
            .context("module is not base64")?;
        let signature_bytes = B64
            .decode(&package.signature)
            .context("signature is not base64")?;
        let signature =
            Signature::from_slice(&signature_bytes).map_err(|_| anyhow!("malformed signature"))?;

        let digest = signed_digest(package.manifest.as_bytes(), &module);
        let signer = self
            .keys
            .iter()
            .find(|(_, key)| key.verify(&digest, &signature).is_ok())
            .map(|(name, _)| name.clone());
        let Some(signed_by) = signer else {
            bail!("package is not signed by a trusted publisher");
        };

        let manifest = Manifest::parse(&package.manifest)?;
        manifest.check_module(&module)?;
        Ok(VerifiedPackage {
            manifest,
            module,
            signed_by,
        })
    }
}

pub fn signed_digest(manifest: &[u8], module: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update((manifest.len() as u64).to_be_bytes());
    hasher.update(manifest);
    hasher.update(module);
    hasher.finalize().into()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use ed25519_dalek::{Signer, SigningKey};

    pub(crate) fn test_signing_key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    pub(crate) fn sign_package(key: &SigningKey, manifest: &str, module: &[u8]) -> Package {
        let signature = key.sign(&signed_digest(manifest.as_bytes(), module));
        Package {
            manifest: manifest.to_string(),
            module: B64.encode(module),
            signature: B64.encode(signature.to_bytes()),
        }
    }

    pub(crate) fn manifest_for(module: &[u8]) -> String {
        format!(
            "id = \"echo\"\nversion = \"0.1.0\"\napi_version = 2\nmodule_sha256 = \"{}\"\n",
            hex::encode(Sha256::digest(module))
        )
    }

    fn trust(key: &SigningKey) -> TrustStore {
        TrustStore::from_hex(&[hex::encode(key.verifying_key().to_bytes())]).unwrap()
    }

    #[test]
    fn accepts_a_package_from_a_trusted_publisher() {
        let key = test_signing_key();
        let module = b"\0asm\x01\0\0\0".to_vec();
        let package = sign_package(&key, &manifest_for(&module), &module);
        let _ = trust(&key).verify(&package);
    }

    #[test]
    fn rejects_an_untrusted_publisher() {
        let module = b"\0asm\x01\0\0\0".to_vec();
        let package = sign_package(
            &SigningKey::from_bytes(&[9u8; 32]),
            &manifest_for(&module),
            &module,
        );
        let err = trust(&test_signing_key()).verify(&package).err().unwrap();
        assert!(err
            .to_string()
            .contains("not signed by a trusted publisher"));
    }

    #[test]
    fn rejects_a_swapped_module() {
        let key = test_signing_key();
        let module = b"\0asm\x01\0\0\0".to_vec();
        let mut package = sign_package(&key, &manifest_for(&module), &module);
        package.module = B64.encode(b"\0asm\x01\0\0\0\x01");
        assert!(trust(&key).verify(&package).is_err());
    }
}
