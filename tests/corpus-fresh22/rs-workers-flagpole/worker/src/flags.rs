use serde::Deserialize;
use worker::{Request, Response, Result, RouteContext};

use crate::auth::{require_admin, require_sdk_key};
use crate::eval::{evaluate, validate, Attributes, Flag};
use crate::guard;
use crate::store::{parse_env, FlagStore};

#[derive(Deserialize)]
struct EvalRequest {
    user_key: String,
    #[serde(default)]
    attributes: Attributes,
}

#[derive(Deserialize)]
struct ScheduleRequest {
    rollout_bp: u32,
    at: String,
}

fn env_name(ctx: &RouteContext<()>) -> Option<&'static str> {
    ctx.param("env").and_then(|e| parse_env(e))
}

fn store_for(ctx: &RouteContext<()>, env_name: &'static str) -> Result<FlagStore> {
    FlagStore::open(&ctx.env, env_name)
}

pub async fn list(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(env) = env_name(&ctx) else {
        return Response::error("unknown environment", 404);
    };
    guard!(require_sdk_key(&req, &ctx.env, env));
    let flags = store_for(&ctx, env)?.list().await?;
    Response::from_json(&flags)
}

pub async fn evaluate_one(mut req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(env) = env_name(&ctx) else {
        return Response::error("unknown environment", 404);
    };
    guard!(require_sdk_key(&req, &ctx.env, env));
    let key = ctx.param("key").cloned().unwrap_or_default();
    let body: EvalRequest = req.json().await?;
    let Some(flag) = store_for(&ctx, env)?.get(&key).await? else {
        return Response::error("no such flag", 404);
    };
    Response::from_json(&serde_json::json!({
        "key": flag.key,
        "on": evaluate(&flag, &body.user_key, &body.attributes),
    }))
}

pub async fn upsert(mut req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(env) = env_name(&ctx) else {
        return Response::error("unknown environment", 404);
    };
    let actor = guard!(require_admin(&req, &ctx.env));
    let flag: Flag = req.json().await?;
    if ctx.param("key") != Some(&flag.key) {
        return Response::error("flag key does not match path", 400);
    }
    if let Err(msg) = validate(&flag) {
        return Response::error(msg, 422);
    }
    let store = store_for(&ctx, env)?;
    store.put(&flag).await?;
    store.audit(&flag.key, "upsert", &actor.name, Some(&serde_json::to_string(&flag)?)).await?;
    Response::from_json(&flag)
}

pub async fn remove(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(env) = env_name(&ctx) else {
        return Response::error("unknown environment", 404);
    };
    let key = ctx.param("key").cloned().unwrap_or_default();
    let actor = req.headers().get("x-actor")?.unwrap_or_else(|| "unknown".into());
    let store = store_for(&ctx, env)?;
    store.delete(&key).await?;
    store.audit(&key, "delete", &actor, None).await?;
    Ok(Response::empty()?.with_status(204))
}

pub async fn history(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(env) = env_name(&ctx) else {
        return Response::error("unknown environment", 404);
    };
    guard!(require_admin(&req, &ctx.env));
    let key = ctx.param("key").cloned().unwrap_or_default();
    let entries = store_for(&ctx, env)?.history(&key, 100).await?;
    Response::from_json(&entries)
}

pub async fn schedule(mut req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(_env) = env_name(&ctx) else {
        return Response::error("unknown environment", 404);
    };
    guard!(require_admin(&req, &ctx.env));
    let _plan: ScheduleRequest = req.json().await?;
    todo!("persist scheduled rollout steps and apply them from a cron trigger")
}
