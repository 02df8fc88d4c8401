use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State};

use crate::storage::PasteStore;

#[delete("/pastes/<id>")]
fn takedown(id: &str, store: &State<PasteStore>) -> Status {
    match store.remove(id, "admin") {
        Ok(true) => Status::NoContent,
        Ok(false) => Status::NotFound,
        Err(e) => {
            tracing::error!(error = %e, paste = id, "takedown failed");
            Status::InternalServerError
        }
    }
}

#[get("/pastes/<id>/owner")]
fn owner(id: &str, store: &State<PasteStore>) -> Option<Json<String>> {
    store.get(id).map(|p| Json(p.owner))
}

pub fn routes() -> Vec<Route> {
    routes![takedown, owner]
}
