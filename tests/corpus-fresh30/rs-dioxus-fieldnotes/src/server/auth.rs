use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use axum::Extension;
use dioxus::prelude::*;
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;
use subtle::ConstantTimeEq;
use tower_sessions::Session;

use super::storage;
use crate::models::User;

pub const USER_KEY: &str = "uid";

pub async fn pool() -> Result<SqlitePool, ServerFnError> {
    let Extension(pool): Extension<SqlitePool> = extract().await?;
    Ok(pool)
}

pub async fn session() -> Result<Session, ServerFnError> {
    extract::<Session, _>()
        .await
        .map_err(|(_, message)| ServerFnError::new(message))
}

pub async fn current_user() -> Result<Option<User>, ServerFnError> {
    let session = session().await?;
    let Some(id) = session.get::<i64>(USER_KEY).await? else {
        return Ok(None);
    };
    Ok(storage::user_by_id(&pool().await?, id).await?)
}

pub async fn require_user() -> Result<User, ServerFnError> {
    current_user().await?.ok_or_else(|| ServerFnError::new("not signed in"))
}

pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

pub fn sha256_hex(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

/// Resolves a sync client's device id and bearer token to the owning user.
pub async fn device_user(pool: &SqlitePool, device_id: i64, presented: &str) -> Result<Option<i64>, sqlx::Error> {
    let Some(device) = storage::device(pool, device_id).await? else {
        return Ok(None);
    };
    if device.token_hash == sha256_hex(presented) {
        Ok(Some(device.user_id))
    } else {
        Ok(None)
    }
}

pub fn share_token_matches(stored: &str, presented: &str) -> bool {
    stored.as_bytes().ct_eq(presented.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_round_trip() {
        let hash = hash_password("bracken-and-heather").unwrap();
        assert!(verify_password("bracken-and-heather", &hash));
        assert!(!verify_password("bracken", &hash));
    }

    #[test]
    fn share_tokens_must_match_exactly() {
        assert!(share_token_matches("abc123", "abc123"));
        assert!(!share_token_matches("abc123", "abc124"));
        assert!(!share_token_matches("abc123", "abc12"));
    }
}
