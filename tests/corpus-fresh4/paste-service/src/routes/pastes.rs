use rand::distributions::{Alphanumeric, DistString};
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State};
use serde::Deserialize;

use crate::guards::ApiKey;
use crate::storage::{Paste, PasteStore};

#[derive(Deserialize)]
pub struct NewPaste {
    body: String,
    ttl_secs: Option<i64>,
}

#[post("/", data = "<new>")]
fn create(key: ApiKey, new: Json<NewPaste>, store: &State<PasteStore>) -> Result<Json<Paste>, Status> {
    let paste = Paste {
        id: Alphanumeric.sample_string(&mut rand::thread_rng(), 10),
        owner: key.0,
        body: new.body.clone(),
        delete_token: Alphanumeric.sample_string(&mut rand::thread_rng(), 32),
        expires_at: new.ttl_secs.map(|s| chrono::Utc::now() + chrono::Duration::seconds(s)),
    };
    store.insert(paste.clone()).map_err(|_| Status::InternalServerError)?;
    Ok(Json(paste))
}

#[get("/mine?<expired>")]
fn mine(key: ApiKey, expired: Option<bool>, store: &State<PasteStore>) -> Json<Vec<Paste>> {
    Json(store.list_for(&key.0, expired.unwrap_or(false)))
}

#[get("/<id>")]
fn show(_key: ApiKey, id: &str, store: &State<PasteStore>) -> Option<String> {
    store.get(id).map(|p| p.body)
}

#[delete("/<id>?<token>")]
fn delete(id: &str, token: &str, store: &State<PasteStore>) -> Status {
    match store.get(id) {
        Some(p) if p.delete_token == token => match store.remove(id, "owner") {
            Ok(_) => Status::NoContent,
            Err(_) => Status::InternalServerError,
        },
        Some(_) => Status::Forbidden,
        None => Status::NotFound,
    }
}

#[get("/<id>/revisions")]
fn revisions(_key: ApiKey, id: &str) -> Json<Vec<String>> {
    todo!("revision history for {id}")
}

pub fn routes() -> Vec<Route> {
    routes![create, mine, show, delete, revisions]
}
