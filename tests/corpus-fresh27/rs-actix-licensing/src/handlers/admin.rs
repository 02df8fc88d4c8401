use actix_web::{post, web, HttpResponse};
use actix_web_grants::protect;
use chrono::{DateTime, Utc};
use rand::RngCore;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::licenses::key_hash;
use crate::{auth::Claims, db, error::ApiError, AppState};

#[derive(Deserialize)]
pub struct IssueBody {
    pub org_id: Uuid,
    pub product: String,
    pub seats: i32,
    pub expires_at: DateTime<Utc>,
}

#[derive(Deserialize)]
pub struct SeatsBody {
    pub seats: i32,
}

#[derive(Deserialize)]
pub struct TransferBody {
    pub to_org: Uuid,
}

fn group_chars(s: &str, group: usize) -> String {
    s.as_bytes().chunks(group).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join("-")
}

pub fn render_key(prefix: &str, secret: &[u8], group: usize) -> String {
    format!("{prefix}-{}", group_chars(&hex::encode_upper(secret), group))
}

#[post("/licenses")]
#[protect("ROLE_ADMIN")]
pub async fn issue(state: web::Data<AppState>, claims: web::ReqData<Claims>, body: web::Json<IssueBody>) -> Result<HttpResponse, ApiError> {
    if body.seats <= 0 {
        return Err(ApiError::BadRequest("seats must be positive".into()));
    }
    let mut secret = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut secret);
    let prefix = format!("L{}", &Uuid::new_v4().simple().to_string()[..7]);
    let key = render_key(&prefix, &secret, 4);
    let license = db::License {
        id: Uuid::new_v4(),
        org_id: body.org_id,
        product: body.product.clone(),
        key_prefix: prefix,
        key_hash: key_hash(&key),
        seats: body.seats,
        expires_at: body.expires_at,
        revoked_at: None,
    };
    db::insert_license(&state.pool, &license).await?;
    tracing::info!(license = %license.id, by = %claims.sub, "license issued");
    Ok(HttpResponse::Created().json(json!({ "license": license, "key": key })))
}

#[post("/licenses/{id}/revoke")]
#[protect("ROLE_ADMIN")]
pub async fn revoke(state: web::Data<AppState>, claims: web::ReqData<Claims>, id: web::Path<Uuid>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    if db::revoke(&state.pool, id).await? == 0 {
        return Err(ApiError::NotFound);
    }
    tracing::info!(license = %id, by = %claims.sub, "license revoked");
    Ok(HttpResponse::NoContent().finish())
}

#[post("/licenses/{id}/seats")]
pub async fn set_seats(state: web::Data<AppState>, claims: web::ReqData<Claims>, id: web::Path<Uuid>, body: web::Json<SeatsBody>) -> Result<HttpResponse, ApiError> {
    if body.seats <= 0 {
        return Err(ApiError::BadRequest("seats must be positive".into()));
    }
    let id = id.into_inner();
    if db::set_seats(&state.pool, id, body.seats).await? == 0 {
        return Err(ApiError::NotFound);
    }
    tracing::info!(license = %id, seats = body.seats, by = %claims.sub, "seats changed");
    Ok(HttpResponse::NoContent().finish())
}

#[post("/licenses/{id}/transfer")]
#[protect("ROLE_ADMIN")]
pub async fn transfer(_state: web::Data<AppState>, _id: web::Path<Uuid>, _body: web::Json<TransferBody>) -> Result<HttpResponse, ApiError> {
    todo!("license transfer between organisations")
}
