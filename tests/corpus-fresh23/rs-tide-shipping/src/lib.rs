pub mod auth;
pub mod carrier;
pub mod config;
pub mod db;
pub mod routes;
pub mod state;

use auth::{ApiKeyAuth, RequireRole, Role};
use state::State;

/// Builds the full application; shared by `main` and the integration tests.
pub fn build_app(state: State) -> tide::Server<State> {
    let mut app = tide::with_state(state.clone());
    app.with(tide::log::LogMiddleware::new());

    app.at("/health").get(routes::health);
    app.at("/webhooks/carrier")
        .get(routes::webhooks::carrier_ping)
        .post(routes::webhooks::carrier_event);

    let mut api = tide::with_state(state.clone());
    api.with(ApiKeyAuth);
    api.at("/shipments").get(routes::shipments::list).post(routes::shipments::create);
    api.at("/shipments/:id").get(routes::shipments::get);
    api.at("/shipments/:id/cancel").post(routes::shipments::cancel);
    app.at("/api/v1").nest(api);

    app.at("/api/v1/labels/:id").get(routes::shipments::label);

    let mut admin = tide::with_state(state);
    admin.with(ApiKeyAuth);
    admin.with(RequireRole(Role::Admin));
    admin.at("/carriers/sync").post(routes::admin::sync_services);
    admin.at("/labels/reprocess").post(routes::admin::reprocess_labels);
    admin.at("/keys").post(routes::admin::create_key);
    app.at("/admin").nest(admin);

    app
}
