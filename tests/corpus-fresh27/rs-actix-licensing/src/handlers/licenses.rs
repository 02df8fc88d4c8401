use actix_web::{get, post, web, HttpResponse, Responder};
use base64::{engine::general_purpose::STANDARD, Engine};
use chrono::Utc;
use ed25519_dalek::Signer;
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{auth::Claims, db, error::ApiError, AppState};

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub include_revoked: bool,
}

#[derive(Deserialize)]
pub struct ActivateBody {
    pub key: String,
    pub machine_id: String,
}

pub fn key_hash(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

#[get("/licenses")]
pub async fn list(state: web::Data<AppState>, claims: web::ReqData<Claims>, q: web::Query<ListQuery>) -> Result<impl Responder, ApiError> {
    let rows = db::list_licenses(&state.pool, claims.org_id, q.include_revoked).await?;
    Ok(web::Json(rows))
}

#[get("/licenses/{id}")]
pub async fn show(state: web::Data<AppState>, claims: web::ReqData<Claims>, id: web::Path<Uuid>) -> Result<impl Responder, ApiError> {
    let license = db::get_license(&state.pool, id.into_inner()).await?;
    if license.org_id != claims.org_id {
        return Err(ApiError::NotFound);
    }
    Ok(web::Json(license))
}

#[get("/licenses/{id}/usage")]
pub async fn usage(_claims: web::ReqData<Claims>, _id: web::Path<Uuid>) -> impl Responder {
    HttpResponse::NotImplemented().json(json!({ "error": "usage reporting is not available" }))
}

/// Public endpoint used by installed clients; the license key itself is the credential.
#[post("/activate")]
pub async fn activate(state: web::Data<AppState>, body: web::Json<ActivateBody>) -> Result<impl Responder, ApiError> {
    let (prefix, _) = body.key.split_once('-').ok_or(ApiError::InvalidKey)?;
    let license = db::find_by_prefix(&state.pool, prefix).await?.ok_or(ApiError::InvalidKey)?;
    if key_hash(&body.key) != license.key_hash {
        return Err(ApiError::InvalidKey);
    }
    if license.revoked_at.is_some() || license.expires_at < Utc::now() {
        return Err(ApiError::Forbidden);
    }
    if body.machine_id.len() > 128 {
        return Err(ApiError::BadRequest("machine_id too long".into()));
    }
    if !db::activate(&state.pool, license.id, &body.machine_id, license.seats).await? {
        return Err(ApiError::Conflict("all seats are in use".into()));
    }
    let token = format!("{}:{}:{}", license.id, body.machine_id, license.expires_at.timestamp());
    let signature = state.signing_key.sign(token.as_bytes());
    Ok(HttpResponse::Ok().json(json!({
        "token": token,
        "signature": STANDARD.encode(signature.to_bytes()),
        "expires_at": license.expires_at,
    })))
}
