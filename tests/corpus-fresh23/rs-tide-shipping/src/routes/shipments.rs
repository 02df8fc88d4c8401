use async_std::fs;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use async_std::path::PathBuf;
use serde::Deserialize;
use serde_json::json;
use tide::{Body, Request, Response, StatusCode};

use super::parse_id;
use crate::auth::principal;
use crate::db::{self, NewShipment};
use crate::state::State;

const LABEL_DIR: &str = "/home/mkowalski/dev/shipping/var/labels";
const MAX_PAGE: i64 = 200;

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    limit: Option<i64>,
}

fn clamp_limit(limit: Option<i64>) -> i64 {
    limit.unwrap_or(50).clamp(1, MAX_PAGE)
}

fn validate(new: &NewShipment) -> Result<(), &'static str> {
    if new.weight_grams <= 0 || new.weight_grams > 31_500 {
        return Err("weight_grams must be between 1 and 31500");
    }
    if new.country.len() != 2 {
        return Err("country must be an ISO 3166-1 alpha-2 code");
    }
    if new.recipient_name.trim().is_empty() || new.address_line.trim().is_empty() {
        return Err("recipient name and address are required");
    }
    Ok(())
}

pub async fn list(req: Request<State>) -> tide::Result {
    let caller = principal(&req)?;
    let query: ListQuery = req.query()?;
    let shipments = db::list_shipments(&req.state().db, caller.customer_id, clamp_limit(query.limit)).await?;
    Ok(Body::from_json(&json!({ "shipments": shipments }))?.into())
}

pub async fn create(mut req: Request<State>) -> tide::Result {
    let new: NewShipment = req.body_json().await?;
    if let Err(msg) = validate(&new) {
        return Ok(Response::builder(StatusCode::UnprocessableEntity).body(json!({ "error": msg })).build());
    }
    let caller = principal(&req)?.clone();
    let state = req.state();

    let shipment = db::insert_shipment(&state.db, caller.customer_id, &new).await?;
    let label = state.carrier.create_label(&shipment).await?;

    let bytes = base64_decode(&label.label)?;
    let path = PathBuf::from(LABEL_DIR).join(format!("{}.pdf", shipment.id));
    fs::write(&path, bytes).await?;
    db::attach_label(&state.db, shipment.id, &label.tracking_number, &path.to_string_lossy()).await?;

    let _ = db::record_event(&state.db, shipment.id, "created", Some(caller.key_id)).await;

    Ok(Response::builder(StatusCode::Created)
        .body(json!({ "id": shipment.id, "tracking_number": label.tracking_number }))
        .build())
}

pub async fn get(req: Request<State>) -> tide::Result {
    let caller = principal(&req)?;
    let id = parse_id(&req)?;
    let shipment = match db::get_shipment(&req.state().db, id).await {
        Ok(s) => s,
        Err(sqlx::Error::RowNotFound) => return Ok(Response::new(StatusCode::NotFound)),
        Err(e) => return Err(e.into()),
    };
    if shipment.customer_id != caller.customer_id {
        return Ok(Response::new(StatusCode::NotFound));
    }
    Ok(Body::from_json(&shipment)?.into())
}

pub async fn cancel(req: Request<State>) -> tide::Result {
    let caller = principal(&req)?.clone();
    let id = parse_id(&req)?;
    let state = req.state();
    let shipment = db::get_shipment(&state.db, id).await?;
    if shipment.customer_id != caller.customer_id {
        return Ok(Response::new(StatusCode::NotFound));
    }
    if let Some(tracking) = &shipment.tracking_number {
        state.carrier.cancel(tracking).await?;
    }
    db::set_status(&state.db, id, "cancelled").await?;
    db::record_event(&state.db, id, "cancelled", Some(caller.key_id)).await?;
    Ok(Response::new(StatusCode::NoContent))
}

pub async fn label(req: Request<State>) -> tide::Result {
    let id = parse_id(&req)?;
    let shipment = db::get_shipment(&req.state().db, id).await?;
    let Some(path) = shipment.label_path else {
        return Ok(Response::new(StatusCode::NotFound));
    };
    let bytes = fs::read(path).await?;
    Ok(Response::builder(StatusCode::Ok)
        .content_type("application/pdf")
        .header("content-disposition", format!("inline; filename=\"{id}.pdf\""))
        .body(bytes)
        .build())
}

fn base64_decode(input: &str) -> tide::Result<Vec<u8>> {
    STANDARD
        .decode(input)
        .map_err(|e| tide::Error::from_str(StatusCode::BadGateway, format!("carrier sent an invalid label: {e}")))
}
