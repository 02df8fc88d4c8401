//! Premium license keys.
//!
//! Keys are issued by the billing site as `<guild_id>.<expires_unix>.<hex hmac-sha256>`,
//! signed with the shared `premium_secret`.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::{Context, Error};

type HmacSha256 = Hmac<Sha256>;

/// Returns the expiry timestamp if `key` is a valid license for `guild_id`.
pub fn verify_license(secret: &str, key: &str, guild_id: u64) -> Option<i64> {
    let mut parts = key.trim().splitn(3, '.');
    let (gid, expires, signature) = (parts.next()?, parts.next()?, parts.next()?);
    if gid.parse::<u64>().ok()? != guild_id {
        return None;
    }

    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(format!("{gid}.{expires}").as_bytes());
    let expected = hex::encode(mac.finalize().into_bytes());

    if signature == expected {
        expires.parse().ok()
    } else {
        None
    }
}

/// Dashboard link codes are single-use and expire after ten minutes.
pub fn link_code_matches(stored: &str, provided: &str) -> bool {
    bool::from(stored.as_bytes().ct_eq(provided.as_bytes()))
}

/// Redeem a premium license key for this server.
#[poise::command(slash_command, guild_only, ephemeral)]
pub async fn redeem(
    ctx: Context<'_>,
    #[description = "License key from your receipt"] key: String,
) -> Result<(), Error> {
    let guild_id = ctx.guild_id().ok_or("guild only")?;
    let Some(secret) = ctx.data().config.premium_secret.as_deref() else {
        ctx.say("Premium is not configured on this instance.").await?;
        return Ok(());
    };

    match verify_license(secret, &key, guild_id.get()) {
        Some(until) if until > chrono::Utc::now().timestamp() => {
            ctx.data().db.set_premium_until(guild_id, until).await?;
            tracing::info!(%guild_id, until, "premium redeemed");
            ctx.say("Premium activated. Thank you!").await?;
        }
        _ => {
            ctx.say("That key is not valid for this server.").await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(secret: &str, payload: &str) -> String {
        let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(payload.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    #[test]
    fn accepts_valid_key() {
        let key = format!("42.1900000000.{}", sign("s3", "42.1900000000"));
        assert_eq!(verify_license("s3", &key, 42), Some(1_900_000_000));
    }

    #[test]
    fn rejects_key_for_other_guild() {
        let key = format!("42.1900000000.{}", sign("s3", "42.1900000000"));
        assert_eq!(verify_license("s3", &key, 43), None);
    }

    #[test]
    fn link_codes_compare() {
        assert!(link_code_matches("ABCD-1234", "ABCD-1234"));
        assert!(!link_code_matches("ABCD-1234", "ABCD-1235"));
    }
}
