use serde_json::json;
use worker::*;

use crate::auth;
use crate::eval::{self, Flag};
use crate::limiter;

pub fn health(_req: Request, _ctx: RouteContext<()>) -> Result<Response> {
    Response::ok("ok")
}

/// CORS preflight for browser SDKs; the actual checks happen on the GET.
pub fn preflight(_req: Request, _ctx: RouteContext<()>) -> Result<Response> {
    let mut headers = Headers::new();
    headers.set("Access-Control-Allow-Origin", "*")?;
    headers.set("Access-Control-Allow-Methods", "GET, OPTIONS")?;
    headers.set("Access-Control-Allow-Headers", "X-SDK-Key, If-None-Match")?;
    headers.set("Access-Control-Max-Age", "86400")?;
    Ok(Response::empty()?.with_status(204).with_headers(headers))
}

pub async fn evaluate_flag(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(sdk_key) = req.headers().get("X-SDK-Key")? else {
        return Response::error("missing SDK key", 401);
    };
    if !auth::sdk_key_valid(&ctx.env, &sdk_key).await? {
        return Response::error("unknown SDK key", 401);
    }
    if !limiter::allow(&ctx.env, &sdk_key).await {
        return Response::error("rate limited", 429);
    }

    let Some(key) = ctx.param("key") else {
        return Response::error("missing flag key", 400);
    };
    let url = req.url()?;
    let user = url.query_pairs().find(|(name, _)| name == "user").map(|(_, v)| v.into_owned()).unwrap_or_default();
    let attributes = eval::parse_attributes(url.query().unwrap_or(""));

    let Some(flag) = ctx.kv("FLAGS")?.get(&format!("flag:{key}")).json::<Flag>().await? else {
        return Response::error("unknown flag", 404);
    };

    let etag = format!("\"{}-{}-{}\"", flag.key, flag.version, auth::sha256_hex(url.query().unwrap_or("")));
    if req.headers().get("If-None-Match")?.as_deref() == Some(etag.as_str()) {
        return Ok(Response::empty()?.with_status(304));
    }

    let value = eval::evaluate(&flag, &user, &attributes);
    let mut response = Response::from_json(&json!({ "key": flag.key, "value": value, "version": flag.version }))?;
    response.headers_mut().set("ETag", &etag)?;
    response.headers_mut().set("Access-Control-Allow-Origin", "*")?;
    Ok(response)
}
