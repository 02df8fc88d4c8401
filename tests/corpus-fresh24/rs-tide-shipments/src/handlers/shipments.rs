use serde::Deserialize;
use tide::{Body, Request, Response, StatusCode};

use super::{json, param_uuid};
use crate::{
    auth::{current_user, Role},
    carrier::{BookingRequest, LabelFormat},
    db::{self, ShipmentStatus},
    state::State,
};

#[derive(Debug, Deserialize)]
struct ListQuery {
    status: Option<String>,
    limit: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct CreateShipment {
    reference: String,
    recipient_name: String,
    recipient_postcode: String,
    weight_grams: i32,
}

#[derive(Debug, Deserialize)]
struct LabelQuery {
    #[serde(default = "default_format")]
    format: String,
}

fn default_format() -> String {
    "pdf".into()
}

pub async fn list(req: Request<State>) -> tide::Result {
    let user = current_user(&req)?;
    let query: ListQuery = req.query()?;
    let status = match query.status.as_deref() {
        None => None,
        Some(s) => Some(
            ShipmentStatus::parse(s)
                .ok_or_else(|| tide::Error::from_str(StatusCode::BadRequest, "unknown status"))?,
        ),
    };
    let rows = db::list_shipments(
        &req.state().pool,
        user.customer_id,
        status,
        query.limit.unwrap_or(50),
    )
    .await?;
    json(StatusCode::Ok, &rows)
}

pub async fn create(mut req: Request<State>) -> tide::Result {
    let user = current_user(&req)?;
    let body: CreateShipment = req.body_json().await?;
    if body.weight_grams <= 0 || body.weight_grams > 31_500 {
        return Err(tide::Error::from_str(
            StatusCode::UnprocessableEntity,
            "weight out of range",
        ));
    }
    let state = req.state();
    let booking = state
        .carrier
        .book(&BookingRequest {
            reference: &body.reference,
            recipient_name: &body.recipient_name,
            recipient_postcode: &body.recipient_postcode,
            weight_grams: body.weight_grams,
        })
        .await
        .map_err(|e| {
            tracing::error!(error = %e, reference = %body.reference, "carrier booking failed");
            tide::Error::from_str(StatusCode::BadGateway, "carrier unavailable")
        })?;
    let shipment = db::insert_shipment(
        &state.pool,
        user.customer_id,
        &booking.tracking_no,
        &body.recipient_name,
        &body.recipient_postcode,
        body.weight_grams,
    )
    .await?;
    json(StatusCode::Created, &shipment)
}

pub async fn get(req: Request<State>) -> tide::Result {
    let user = current_user(&req)?;
    let id = param_uuid(&req, "id")?;
    match db::get_shipment(&req.state().pool, id).await? {
        Some(s) if s.customer_id == user.customer_id || user.role == Role::Admin => {
            json(StatusCode::Ok, &s)
        }
        _ => Ok(Response::new(StatusCode::NotFound)),
    }
}

pub async fn label(req: Request<State>) -> tide::Result {
    let id = param_uuid(&req, "id")?;
    let query: LabelQuery = req.query()?;
    let format = match query.format.as_str() {
        "pdf" => LabelFormat::Pdf,
        "zpl" => LabelFormat::Zpl,
        other => {
            return Err(tide::Error::from_str(
                StatusCode::BadRequest,
                format!("unsupported label format {other}"),
            ))
        }
    };
    let Some(shipment) = db::get_shipment(&req.state().pool, id).await? else {
        return Ok(Response::new(StatusCode::NotFound));
    };
    let bytes = req
        .state()
        .carrier
        .fetch_label(&shipment.tracking_no, format)
        .await
        .map_err(|e| tide::Error::from_str(StatusCode::BadGateway, e.to_string()))?;
    let content_type = match query.format.as_str() {
        "pdf" => "application/pdf",
        "zpl" => "application/zpl",
        _ => unreachable!("label format validated above"),
    };
    Ok(Response::builder(StatusCode::Ok)
        .content_type(content_type)
        .body(Body::from_bytes(bytes))
        .build())
}

pub async fn refresh(req: Request<State>) -> tide::Result {
    let user = current_user(&req)?;
    let id = param_uuid(&req, "id")?;
    let state = req.state();
    let shipment = match db::get_shipment(&state.pool, id).await? {
        Some(s) if s.customer_id == user.customer_id || user.role == Role::Admin => s,
        _ => return Ok(Response::new(StatusCode::NotFound)),
    };
    let events = match state.carrier.track(&shipment.tracking_no).await {
        Ok(events) => events,
        Err(e) => {
            tracing::warn!(error = %e, tracking_no = %shipment.tracking_no, "tracking refresh failed");
            return Err(tide::Error::from_str(
                StatusCode::BadGateway,
                "carrier unavailable",
            ));
        }
    };
    for event in &events {
        db::record_tracking_event(&state.pool, shipment.id, event).await?;
    }
    if let Some(latest) = events.iter().max_by_key(|e| e.occurred_at) {
        db::update_status(
            &state.pool,
            shipment.id,
            ShipmentStatus::from_carrier_code(&latest.code),
        )
        .await?;
    }
    json(
        StatusCode::Ok,
        &serde_json::json!({ "events": events.len() }),
    )
}
