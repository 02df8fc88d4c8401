use matrix_sdk::{ruma::UserId, Room};

use crate::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("{0} is not a member of this room")]
    NotMember(String),
    #[error("{user} needs power level {required} (has {actual})")]
    Insufficient { user: String, required: i64, actual: i64 },
    #[error(transparent)]
    Matrix(#[from] matrix_sdk::Error),
}

/// Allows configured admins, otherwise requires the configured room power level.
pub async fn require_operator(room: &Room, user: &UserId, cfg: &Config) -> Result<(), AuthError> {
    if cfg.is_admin(user.as_str()) {
        return Ok(());
    }
    let member = room
        .get_member(user)
        .await?
        .ok_or_else(|| AuthError::NotMember(user.to_string()))?;
    let actual = member.power_level();
    if actual < cfg.min_power_level {
        return Err(AuthError::Insufficient { user: user.to_string(), required: cfg.min_power_level, actual });
    }
    Ok(())
}

pub fn require_admin(user: &UserId, cfg: &Config) -> Result<(), AuthError> {
    if cfg.is_admin(user.as_str()) {
        Ok(())
    } else {
        Err(AuthError::Insufficient { user: user.to_string(), required: 100, actual: 0 })
    }
}
