use worker::*;

mod admin;
mod audit;
mod auth;
pub mod eval;
mod flags;
mod limiter;
mod sync;

pub use limiter::RateLimiter;

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    console_error_panic_hook::set_once();

    Router::new()
        .get("/health", flags::health)
        .options("/v1/*path", flags::preflight)
        .get_async("/v1/flags/:key", flags::evaluate_flag)
        .get_async("/admin/flags", admin::list_flags)
        .put_async("/admin/flags/:key", admin::put_flag)
        .delete_async("/admin/flags/:key", admin::delete_flag)
        .get_async("/admin/audit", admin::list_audit)
        .delete_async("/admin/environments/:env", admin::delete_environment)
        .post_async("/hooks/sync", sync::sync_callback)
        .run(req, env)
        .await
}

#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let environment = env.var("ENVIRONMENT").map(|v| v.to_string()).unwrap_or_default();
    let cron = event.cron();
    let result = match cron.as_str() {
        "*/10 * * * *" if environment == "production" => sync::push_snapshot(&env).await,
        "*/10 * * * *" => Ok(()),
        "0 4 * * *" => sync::prune_audit(&env).await,
        other => {
            console_warn!("no job for cron {other}");
            Ok(())
        }
    };
    if let Err(err) = result {
        console_error!("scheduled job {cron} failed: {err}");
    }
}
