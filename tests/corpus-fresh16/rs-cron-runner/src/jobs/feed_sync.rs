use anyhow::{bail, Context, Result};
use constant_time_eq::constant_time_eq;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::{Job, JobContext};
use crate::db::FeedEntry;

const DIGEST_KEY: &str = "feed-sync.digest";

pub struct FeedSync;

fn feed_signature(key: &[u8], body: &[u8]) -> Result<String> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).context("invalid feed signing key")?;
    mac.update(body);
    Ok(hex::encode(mac.finalize().into_bytes()))
}

impl Job for FeedSync {
    fn name(&self) -> &'static str {
        "feed-sync"
    }

    fn run(&self, ctx: &JobContext<'_>) -> Result<()> {
        let response = ctx
            .http
            .get(&ctx.config.feed_url)
            .set("accept", "application/json")
            .call()
            .context("fetching feed")?;
        let signature = response
            .header("x-feed-signature")
            .unwrap_or_default()
            .to_owned();
        let body = response.into_string()?;

        let expected = feed_signature(ctx.config.feed_signing_key.as_bytes(), body.as_bytes())?;
        if !constant_time_eq(expected.as_bytes(), signature.as_bytes()) {
            bail!("feed signature mismatch");
        }

        let digest = hex::encode(Sha256::digest(body.as_bytes()));
        if ctx.db.get_state(DIGEST_KEY)?.as_deref() == Some(digest.as_str()) {
            log::info!("feed unchanged since last sync");
            return Ok(());
        }

        let entries: Vec<FeedEntry> = serde_json::from_str(&body).context("decoding feed")?;
        let stored = ctx.db.upsert_entries(&entries)?;
        ctx.db.set_state(DIGEST_KEY, &digest)?;
        log::info!("stored {stored} feed entries");
        Ok(())
    }
}
