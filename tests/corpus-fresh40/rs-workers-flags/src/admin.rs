use serde::Deserialize;
use serde_json::json;
use worker::*;

use crate::audit;
use crate::auth;
use crate::eval::Flag;

fn flag_key(ctx: &RouteContext<()>) -> Result<String> {
    ctx.param("key").cloned().ok_or_else(|| Error::RustError("missing flag key".into()))
}

pub async fn list_flags(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    if let Some(denied) = auth::require_admin(&req, &ctx.env)? {
        return Ok(denied);
    }
    let kv = ctx.kv("FLAGS")?;
    let listing = kv.list().prefix("flag:".to_string()).execute().await?;
    let mut flags = Vec::with_capacity(listing.keys.len());
    for key in listing.keys {
        if let Some(flag) = kv.get(&key.name).json::<Flag>().await? {
            flags.push(flag);
        }
    }
    Response::from_json(&flags)
}

pub async fn put_flag(mut req: Request, ctx: RouteContext<()>) -> Result<Response> {
    if let Some(denied) = auth::require_admin(&req, &ctx.env)? {
        return Ok(denied);
    }
    let key = flag_key(&ctx)?;
    let mut flag: Flag = req.json().await?;
    if flag.key != key {
        return Response::error("body key does not match the path", 400);
    }
    if let Err(reason) = flag.validate() {
        return Response::error(reason, 422);
    }
    let kv = ctx.kv("FLAGS")?;
    let previous = kv.get(&format!("flag:{key}")).json::<Flag>().await?;
    flag.version = previous.as_ref().map_or(1, |p| p.version + 1);
    kv.put(&format!("flag:{key}"), serde_json::to_string(&flag)?)?.execute().await?;

    let diff = json!({ "before": previous, "after": flag }).to_string();
    audit::record_change(&ctx.env.d1("DB")?, &key, &auth::actor(&req), "put", &diff).await?;
    Response::from_json(&flag)
}

pub async fn delete_flag(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    if let Some(denied) = auth::require_admin(&req, &ctx.env)? {
        return Ok(denied);
    }
    let key = flag_key(&ctx)?;
    let kv = ctx.kv("FLAGS")?;
    let Some(previous) = kv.get(&format!("flag:{key}")).json::<Flag>().await? else {
        return Response::error("unknown flag", 404);
    };
    kv.delete(&format!("flag:{key}")).await.ok();
    let diff = json!({ "before": previous }).to_string();
    audit::record_change(&ctx.env.d1("DB")?, &key, &auth::actor(&req), "delete", &diff).await?;
    Ok(Response::empty()?.with_status(204))
}

#[derive(Deserialize)]
struct AuditQuery {
    flag: Option<String>,
    limit: Option<u32>,
}

pub async fn list_audit(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let query: AuditQuery = req.query()?;
    let limit = query.limit.unwrap_or(100).min(500);
    let entries = audit::list(&ctx.env.d1("DB")?, query.flag.as_deref(), limit).await?;
    Response::from_json(&entries)
}

pub async fn delete_environment(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    if let Some(denied) = auth::require_admin(&req, &ctx.env)? {
        return Ok(denied);
    }
    Response::error("environment deletion is not implemented", 501)
}
