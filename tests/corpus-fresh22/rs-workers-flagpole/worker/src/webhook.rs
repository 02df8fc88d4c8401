use hmac::{Hmac, Mac};
use sha2::Sha256;
use worker::{console_log, Request, Response, Result, RouteContext};

type HmacSha256 = Hmac<Sha256>;

pub fn verify_signature(secret: &[u8], body: &[u8], header: &str) -> bool {
    let Some(hex_sig) = header.strip_prefix("sha256=") else {
        return false;
    };
    let Ok(sig) = hex::decode(hex_sig) else {
        return false;
    };
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC accepts any key length");
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

/// GitHub push to the flags repo: mark the environment for re-sync by the CLI.
pub async fn github(mut req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let secret = ctx.env.secret("GITHUB_WEBHOOK_SECRET")?.to_string();
    let signature = req.headers().get("x-hub-signature-256")?.unwrap_or_default();
    let body = req.bytes().await?;
    if !verify_signature(secret.as_bytes(), &body, &signature) {
        return Response::error("bad signature", 401);
    }

    let event = req.headers().get("x-github-event")?.unwrap_or_default();
    if !matches!(event.as_str(), "ping" | "push") {
        return Response::ok("ignored");
    }

    match event.as_str() {
        "ping" => Response::ok("pong"),
        "push" => {
            let payload: serde_json::Value = serde_json::from_slice(&body)?;
            let git_ref = payload["ref"].as_str().unwrap_or_default();
            console_log!("flags repo push on {git_ref}");
            ctx.kv("FLAGS")?.put("meta:pending_sync", git_ref)?.execute().await?;
            Response::ok("queued")
        }
        _ => unreachable!("event filtered above"),
    }
}
