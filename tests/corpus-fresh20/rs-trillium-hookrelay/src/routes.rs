use trillium_api::api;
use trillium_router::Router;

use crate::{
    auth::RequireApiKey,
    handlers::{self, deliveries, inbound, projects},
};

pub fn router() -> Router {
    let auth = RequireApiKey;

    Router::new()
        .get("/health", handlers::health)
        .post("/hooks/:project_id", inbound::receive)
        .get("/projects", (auth.clone(), projects::list))
        .post("/projects", (auth.clone(), api(projects::create)))
        .get("/projects/:id", (auth.clone(), projects::show))
        .delete("/projects/:id", projects::delete)
        .get("/projects/:id/deliveries", (auth.clone(), deliveries::list))
        .post("/projects/:id/deliveries/:delivery_id/retry", (auth.clone(), deliveries::retry))
        .post("/admin/projects/:id/rotate-secret", (auth, projects::rotate_secret))
}
