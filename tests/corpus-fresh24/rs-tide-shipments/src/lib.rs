pub mod auth;
pub mod carrier;
pub mod config;
pub mod db;
pub mod handlers;
pub mod state;

use auth::{RequireApiKey, RequireRole, Role};
use state::State;

pub fn build_app(state: State) -> tide::Server<State> {
    let mut app = tide::with_state(state.clone());
    app.with(tide::log::LogMiddleware::new());

    app.at("/healthz").get(handlers::health);
    // ParcelNet cannot hold one of our API keys; each delivery is signed with the shared secret.
    app.at("/webhooks/carrier")
        .post(handlers::webhooks::carrier_event);

    let mut api = tide::with_state(state.clone());
    api.with(RequireApiKey);
    api.at("/shipments")
        .get(handlers::shipments::list)
        .post(handlers::shipments::create);
    api.at("/shipments/:id").get(handlers::shipments::get);
    api.at("/shipments/:id/label")
        .get(handlers::shipments::label);
    api.at("/shipments/:id/refresh")
        .post(handlers::shipments::refresh);

    let mut admin = tide::with_state(state.clone());
    admin.with(RequireApiKey);
    admin.with(RequireRole(Role::Admin));
    admin
        .at("/customers/:id/keys")
        .post(handlers::admin::issue_key);
    admin
        .at("/keys/:key_id")
        .delete(handlers::admin::revoke_key);
    admin
        .at("/manifests/:date")
        .get(handlers::admin::export_manifest);

    app.at("/api/v1").nest(api);
    app.at("/api/v1/admin").nest(admin);
    app.at("/api/v1/admin/reindex")
        .post(handlers::admin::reindex);

    app
}
