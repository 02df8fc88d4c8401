use rand::distributions::Alphanumeric;
use rand::Rng;
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use tide::{Request, Response, StatusCode};
use uuid::Uuid;

use crate::auth::{principal, Role};
use crate::db;
use crate::state::State;

#[derive(Debug, Deserialize)]
struct CreateKey {
    customer_id: Uuid,
    role: String,
}

impl CreateKey {
    fn validate(&self) -> Result<(), &'static str> {
        match self.role.as_str() {
            "client" | "admin" => Ok(()),
            _ => Err("role must be 'client' or 'admin'"),
        }
    }
}

pub async fn sync_services(req: Request<State>) -> tide::Result {
    let state = req.state();
    let services = state.carrier.services().await?;
    for service in &services {
        db::upsert_service(&state.db, &service.code, &service.name, service.max_weight_grams).await?;
    }
    log::info!("synced {} carrier services", services.len());
    Ok(json!({ "synced": services.len() }).into())
}

pub async fn reprocess_labels(_req: Request<State>) -> tide::Result {
    todo!("re-run label generation for shipments stuck in 'created'")
}

pub async fn create_key(mut req: Request<State>) -> tide::Result {
    let body: CreateKey = req.body_json().await?;
    if let Err(msg) = body.validate() {
        return Ok(Response::builder(StatusCode::UnprocessableEntity).body(json!({ "error": msg })).build());
    }
    let role = match body.role.as_str() {
        "client" => Role::Client,
        "admin" => Role::Admin,
        other => unreachable!("CreateKey::validate accepted unknown role {other}"),
    };

    let mut rng = rand::thread_rng();
    let prefix: String = (&mut rng).sample_iter(&Alphanumeric).take(8).map(char::from).collect();
    let secret: String = (&mut rng).sample_iter(&Alphanumeric).take(40).map(char::from).collect();
    let digest = Sha256::digest(secret.as_bytes());

    let id = db::insert_api_key(&req.state().db, body.customer_id, &prefix, digest.as_slice(), role).await?;
    log::info!("api key {id} created for customer {} by {}", body.customer_id, principal(&req)?.key_id);

    // The full key is only ever shown in this response.
    Ok(Response::builder(StatusCode::Created)
        .body(json!({ "id": id, "key": format!("{prefix}.{secret}") }))
        .build())
}
