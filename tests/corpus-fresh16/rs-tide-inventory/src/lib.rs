pub mod handlers;
pub mod middleware;
pub mod state;
pub mod store;
pub mod supplier;

use middleware::{ApiKeyMiddleware, RequestId};
use state::AppState;

pub fn build_app(state: AppState) -> tide::Result<tide::Server<AppState>> {
    let mut app = tide::with_state(state.clone());
    app.with(RequestId);
    app.with(tide::log::LogMiddleware::new());

    app.at("/healthz").get(|_| async { Ok("ok") });
    app.at("/items").get(handlers::items::list);
    app.at("/items/:sku").get(handlers::items::get);
    app.at("/webhooks/supplier")
        .post(handlers::webhooks::supplier_event);

    let mut admin = tide::with_state(state.clone());
    admin.with(ApiKeyMiddleware::new(state.config.admin_api_key.clone()));
    admin.at("/items").post(handlers::items::create);
    admin
        .at("/items/:sku/stock")
        .put(handlers::items::adjust_stock);
    admin.at("/items/import").post(handlers::items::bulk_import);
    app.at("/admin").nest(admin);

    app.at("/admin/items/:sku").delete(handlers::items::delete);

    app.at("/static")
        .serve_dir("/home/oskar/dev/inventory-svc/static/")?;

    Ok(app)
}
