//! Spin HTTP component: public redirects plus an admin API for managing links.

use spin_sdk::http::{Params, Request, Response, Router};
use spin_sdk::http_component;

mod auth;
mod handlers;
mod safety;
mod store;

use auth::guarded;

#[http_component]
fn handle(req: Request) -> Response {
    let mut router = Router::new();

    // public
    router.get("/healthz", handlers::health);
    router.get("/:slug", handlers::redirect);
    router.post("/hooks/clicks", handlers::click_webhook);

    // admin
    router.get("/api/links", guarded(handlers::list_links));
    router.post("/api/links", guarded(handlers::create_link));
    router.put("/api/links/:slug", guarded(handlers::update_link));
    router.delete("/api/links/:slug", handlers::delete_link);
    router.get("/api/export", guarded(handlers::export_links));

    router.any("/*", not_found);
    router.handle(req)
}

fn not_found(_req: Request, _params: Params) -> anyhow::Result<Response> {
    Ok(Response::new(404, "not found"))
}
