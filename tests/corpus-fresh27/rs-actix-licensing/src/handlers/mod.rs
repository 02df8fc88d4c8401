pub mod admin;
pub mod licenses;
pub mod webhooks;

use actix_web::{get, HttpResponse, Responder};

#[get("/healthz")]
pub async fn healthz() -> impl Responder {
    HttpResponse::Ok().body("ok")
}
