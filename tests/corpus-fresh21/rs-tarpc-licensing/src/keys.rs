use hmac::{Hmac, Mac};
use rand::{distributions::Alphanumeric, Rng};
use sha2::{Digest, Sha256};

pub const KEY_PREFIX: &str = "LIC";

#[derive(Clone)]
pub struct KeySigner {
    secret: Vec<u8>,
}

impl KeySigner {
    pub async fn load(path: &std::path::Path) -> anyhow::Result<Self> {
        let raw = tokio::fs::read(path).await?;
        anyhow::ensure!(raw.len() >= 32, "signing key in {} is too short", path.display());
        Ok(Self { secret: raw })
    }

    pub fn from_bytes(secret: &[u8]) -> Self {
        Self { secret: secret.to_vec() }
    }

    fn mac(&self, body: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.secret).expect("any key length");
        mac.update(body.as_bytes());
        hex::encode(&mac.finalize().into_bytes()[..10])
    }

    pub fn generate(&self, customer: &str) -> String {
        let nonce: String = rand::thread_rng()
            .sample_iter(&Alphanumeric)
            .take(12)
            .map(|c| char::from(c).to_ascii_uppercase())
            .collect();
        let cust = &hex::encode(Sha256::digest(customer.as_bytes()))[..6];
        let body = format!("{KEY_PREFIX}-{cust}-{nonce}");
        format!("{body}-{}", self.mac(&body))
    }

    pub fn verify(&self, key: &str) -> bool {
        let Some((body, sig)) = key.rsplit_once('-') else {
            return false;
        };
        if !body.starts_with(KEY_PREFIX) {
            return false;
        }
        self.mac(body) == sig
    }
}
