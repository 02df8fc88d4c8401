use actix_web::{post, web, HttpRequest, HttpResponse};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

use crate::{db, AppState};

type HmacSha256 = Hmac<Sha256>;

#[derive(Deserialize)]
struct RenewalEvent {
    kind: String,
    org_id: uuid::Uuid,
}

/// Billing pushes renewals here; authenticated by HMAC over the raw body.
#[post("/webhooks/billing")]
pub async fn billing(state: web::Data<AppState>, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let Some(sig) = req
        .headers()
        .get("x-billing-signature")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| hex::decode(v).ok())
    else {
        return HttpResponse::Unauthorized().finish();
    };
    let mut mac = HmacSha256::new_from_slice(state.settings.billing_webhook_secret.as_bytes()).expect("any key length");
    mac.update(&body);
    if mac.verify_slice(&sig).is_err() {
        return HttpResponse::Unauthorized().finish();
    }

    let event: RenewalEvent = match serde_json::from_slice(&body) {
        Ok(ev) => ev,
        Err(_) => return HttpResponse::BadRequest().finish(),
    };
    if event.kind != "subscription.renewed" {
        return HttpResponse::NoContent().finish();
    }
    let sub = match state.billing.subscription(event.org_id).await {
        Ok(sub) => sub,
        Err(err) => return HttpResponse::BadGateway().body(err.to_string()),
    };
    db::extend_license(&state.pool, sub.org_id, &sub.product, sub.current_period_end).await.ok();
    HttpResponse::NoContent().finish()
}
