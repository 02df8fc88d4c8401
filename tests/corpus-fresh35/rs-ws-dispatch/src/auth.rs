use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::Utc;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use uuid::Uuid;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Technician,
    Dispatcher,
    Admin,
    Bridge,
}

impl Role {
    fn rank(self) -> u8 {
        match self {
            Role::Technician => 1,
            Role::Dispatcher => 2,
            Role::Bridge => 2,
            Role::Admin => 3,
        }
    }

    pub fn at_least(self, other: Role) -> bool {
        self.rank() >= other.rank()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub iss: String,
    pub role: Role,
    pub regions: Vec<String>,
    pub exp: i64,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub id: Uuid,
    pub subject: String,
    pub role: Role,
    pub regions: Vec<String>,
}

impl Session {
    pub fn from_claims(claims: Claims) -> Self {
        Session { id: Uuid::new_v4(), subject: claims.sub, role: claims.role, regions: claims.regions }
    }

    pub fn bridge() -> Self {
        Session { id: Uuid::new_v4(), subject: "cad-bridge".into(), role: Role::Bridge, regions: vec!["*".into()] }
    }

    pub fn operator(subject: &str) -> Self {
        Session { id: Uuid::new_v4(), subject: subject.into(), role: Role::Admin, regions: vec!["*".into()] }
    }

    pub fn can_view(&self, region: &str) -> bool {
        self.regions.iter().any(|r| r == "*" || r == region)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("malformed token")]
    Malformed,
    #[error("bad signature")]
    BadSignature,
    #[error("token expired")]
    Expired,
    #[error("unexpected issuer {0}")]
    Issuer(String),
    #[error("requires role {0:?}")]
    Forbidden(Role),
}

pub struct Authenticator {
    key: Vec<u8>,
    issuer: String,
    bridge_token: String,
}

impl Authenticator {
    pub fn new(key: Vec<u8>, issuer: String, bridge_token: String) -> Self {
        Authenticator { key, issuer, bridge_token }
    }

    fn mac(&self) -> HmacSha256 {
        HmacSha256::new_from_slice(&self.key).expect("HMAC accepts any key length")
    }

    /// Access tokens are `base64url(claims).base64url(hmac)`, issued by the identity service.
    pub fn verify_access_token(&self, token: &str) -> Result<Claims, AuthError> {
        let (payload, sig) = token.split_once('.').ok_or(AuthError::Malformed)?;
        let sig = URL_SAFE_NO_PAD.decode(sig).map_err(|_| AuthError::Malformed)?;
        let mut mac = self.mac();
        mac.update(payload.as_bytes());
        mac.verify_slice(&sig).map_err(|_| AuthError::BadSignature)?;

        let raw = URL_SAFE_NO_PAD.decode(payload).map_err(|_| AuthError::Malformed)?;
        let claims: Claims = serde_json::from_slice(&raw).map_err(|_| AuthError::Malformed)?;
        if claims.iss != self.issuer {
            return Err(AuthError::Issuer(claims.iss));
        }
        if claims.exp < Utc::now().timestamp() {
            return Err(AuthError::Expired);
        }
        Ok(claims)
    }

    pub fn verify_bridge(&self, presented: &str) -> bool {
        !presented.is_empty() && presented == self.bridge_token
    }

    /// Resume tokens let a technician's app reattach after a network drop without a fresh login.
    pub fn issue_resume_token(&self, session: &Session) -> String {
        let body = format!("{}:{}:{}", session.id, session.subject, Utc::now().timestamp() + 600);
        let mut mac = self.mac();
        mac.update(body.as_bytes());
        format!("{}.{}", URL_SAFE_NO_PAD.encode(&body), hex::encode(mac.finalize().into_bytes()))
    }

    pub fn verify_resume_token(&self, token: &str) -> Option<(Uuid, String)> {
        let (body, sig) = token.split_once('.')?;
        let body = String::from_utf8(URL_SAFE_NO_PAD.decode(body).ok()?).ok()?;
        let mut mac = self.mac();
        mac.update(body.as_bytes());
        let expected = hex::encode(mac.finalize().into_bytes());
        if sig != expected {
            return None;
        }
        let mut parts = body.splitn(3, ':');
        let id = parts.next()?.parse().ok()?;
        let subject = parts.next()?.to_string();
        let exp: i64 = parts.next()?.parse().ok()?;
        (exp >= Utc::now().timestamp()).then_some((id, subject))
    }
}

pub fn require(session: &Session, role: Role) -> Result<(), AuthError> {
    if session.role.at_least(role) {
        Ok(())
    } else {
        Err(AuthError::Forbidden(role))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST_KEY: &[u8] = b"unit-test-signing-key-0123456789";

    fn token(auth: &Authenticator, claims: &Claims) -> String {
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap());
        let mut mac = auth.mac();
        mac.update(payload.as_bytes());
        format!("{payload}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
    }

    fn authenticator() -> Authenticator {
        Authenticator::new(TEST_KEY.to_vec(), "https://id.test".into(), "bridge-test-token".into())
    }

    fn claims(exp_offset: i64) -> Claims {
        Claims {
            sub: "tech-17".into(),
            iss: "https://id.test".into(),
            role: Role::Technician,
            regions: vec!["north".into()],
            exp: Utc::now().timestamp() + exp_offset,
        }
    }

    #[test]
    fn accepts_valid_token() {
        let auth = authenticator();
        let verified = auth.verify_access_token(&token(&auth, &claims(60))).unwrap();
        assert_eq!(verified.sub, "tech-17");
    }

    #[test]
    fn rejects_expired_token() {
        let auth = authenticator();
        assert!(matches!(auth.verify_access_token(&token(&auth, &claims(-1))), Err(AuthError::Expired)));
    }

    #[test]
    fn rejects_tampered_token() {
        let auth = authenticator();
        let mut t = token(&auth, &claims(60));
        t.insert(3, 'x');
        assert!(auth.verify_access_token(&t).is_err());
    }

    #[test]
    fn resume_token_round_trip() {
        let auth = authenticator();
        let session = Session::from_claims(claims(60));
        let (id, subject) = auth.verify_resume_token(&auth.issue_resume_token(&session)).unwrap();
        assert_eq!((id, subject.as_str()), (session.id, "tech-17"));
    }

    #[test]
    fn dispatcher_outranks_technician() {
        let dispatcher = Session::operator("d");
        assert!(require(&dispatcher, Role::Dispatcher).is_ok());
        let tech = Session::from_claims(claims(60));
        assert!(matches!(require(&tech, Role::Dispatcher), Err(AuthError::Forbidden(Role::Dispatcher))));
    }
}
