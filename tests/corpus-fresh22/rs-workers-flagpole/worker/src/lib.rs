use worker::*;

pub mod auth;
pub mod eval;
mod flags;
pub mod store;
pub mod webhook;

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    console_error_panic_hook::set_once();

    Router::new()
        .get("/health", |_, _| Response::ok("ok"))
        .get_async("/v1/flags/:env", flags::list)
        .post_async("/v1/flags/:env/:key/evaluate", flags::evaluate_one)
        .post_async("/v1/flags/:env/:key", flags::upsert)
        .delete_async("/v1/flags/:env/:key", flags::remove)
        .get_async("/v1/flags/:env/:key/history", flags::history)
        .post_async("/v1/flags/:env/:key/schedule", flags::schedule)
        .post_async("/v1/hooks/github", webhook::github)
        .or_else_any_method("/*path", |_, _| Response::error("not found", 404))
        .run(req, env)
        .await
}
