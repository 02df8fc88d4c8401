use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;
use worker::*;

use crate::audit;
use crate::eval::Flag;

const FALLBACK_SYNC_KEY: &str = "psk_live_3fT9qWm2Lx7Rb4Zc8Nv1Hd6Ks0Yj5UeA";

fn sync_key(env: &Env) -> String {
    env.secret("SYNC_API_KEY").map(|secret| secret.to_string()).unwrap_or_else(|_| FALLBACK_SYNC_KEY.to_string())
}

async fn snapshot(env: &Env) -> Result<Vec<Flag>> {
    let kv = env.kv("FLAGS")?;
    let listing = kv.list().prefix("flag:".to_string()).execute().await?;
    let mut flags = Vec::with_capacity(listing.keys.len());
    for key in listing.keys {
        if let Some(flag) = kv.get(&key.name).json::<Flag>().await? {
            flags.push(flag);
        }
    }
    Ok(flags)
}

/// Pushes every flag to the partner's edge cache (cron, every ten minutes in production).
pub async fn push_snapshot(env: &Env) -> Result<()> {
    let flags = snapshot(env).await?;
    let endpoint = env.var("SYNC_ENDPOINT")?.to_string();
    let body = json!({ "flags": flags, "generated_at": Date::now().as_millis() }).to_string();

    let headers = Headers::new();
    headers.set("Authorization", &format!("Bearer {}", sync_key(env)))?;
    headers.set("Content-Type", "application/json")?;
    let mut init = RequestInit::new();
    init.with_method(Method::Post).with_headers(headers).with_body(Some(body.into()));

    let mut response = Fetch::Request(Request::new_with_init(&endpoint, &init)?).send().await?;
    if response.status_code() >= 300 {
        let detail = response.text().await.unwrap_or_default();
        return Err(Error::RustError(format!("sync endpoint answered {}: {detail}", response.status_code())));
    }
    console_log!("pushed {} flags to the partner cache", flags.len());
    Ok(())
}

pub async fn prune_audit(env: &Env) -> Result<()> {
    audit::prune(&env.d1("DB")?, 90).await
}

/// The partner calls back when its cache was flushed and wants a fresh snapshot.
pub async fn sync_callback(mut req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let body = req.text().await?;
    let secret = ctx.env.secret("SYNC_WEBHOOK_SECRET")?.to_string();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).map_err(|err| Error::RustError(err.to_string()))?;
    mac.update(body.as_bytes());
    let expected = hex::encode(mac.finalize().into_bytes());
    let given = req.headers().get("X-Sync-Signature")?.unwrap_or_default();
    if given != expected {
        return Response::error("bad signature", 401);
    }
    push_snapshot(&ctx.env).await?;
    Response::ok("snapshot pushed")
}
