#![allow(clippy::unused_async)]
use axum::extract::Query;
use chrono::Datelike;
use loco_rs::prelude::*;
use serde::Deserialize;

use crate::{
    models::{
        _entities::invoices,
        invoices::{invoice_number, list_for_customer, next_sequence, InvoiceStatus},
        users,
    },
    services::{
        self,
        paygate::{PaygateClient, PaymentGateway},
    },
};

#[derive(Debug, Deserialize)]
pub struct CreateParams {
    pub customer_id: i32,
    pub amount_cents: i64,
    pub currency: String,
    pub memo: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pub customer_id: i32,
    #[serde(default)]
    pub include_void: bool,
}

#[derive(Debug, Deserialize)]
pub struct PayParams {
    pub payment_method: String,
    pub currency: String,
}

async fn load_owned(ctx: &AppContext, auth: &auth::JWT, id: i32) -> Result<(users::Model, invoices::Model)> {
    let user = users::Model::find_by_pid(&ctx.db, &auth.claims.pid).await?;
    let invoice = invoices::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound)?;
    if invoice.org_id != user.org_id {
        return Err(Error::NotFound);
    }
    Ok((user, invoice))
}

#[debug_handler]
pub async fn list(auth: auth::JWT, State(ctx): State<AppContext>, Query(q): Query<ListQuery>) -> Result<Response> {
    let user = users::Model::find_by_pid(&ctx.db, &auth.claims.pid).await?;
    let rows = list_for_customer(&ctx.db, user.org_id, q.customer_id, q.include_void).await?;
    format::json(rows)
}

#[debug_handler]
pub async fn create(
    auth: auth::JWT,
    State(ctx): State<AppContext>,
    Json(params): Json<CreateParams>,
) -> Result<Response> {
    if params.amount_cents <= 0 {
        return bad_request("amount must be positive");
    }
    let user = users::Model::find_by_pid(&ctx.db, &auth.claims.pid).await?;
    let seq = next_sequence(&ctx.db, user.org_id).await?;
    let number = invoice_number(chrono::Utc::now().year(), seq, &user.invoice_prefix);
    let item = invoices::ActiveModel {
        org_id: Set(user.org_id),
        customer_id: Set(params.customer_id),
        number: Set(number),
        amount_cents: Set(params.amount_cents),
        currency: Set(params.currency.to_uppercase()),
        memo: Set(params.memo),
        status: Set(InvoiceStatus::Open.as_str().to_string()),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await?;
    services::audit(&ctx.db, user.id, "invoice.create", item.id, &item.number).await?;
    format::json(item)
}

#[debug_handler]
pub async fn get_one(auth: auth::JWT, Path(id): Path<i32>, State(ctx): State<AppContext>) -> Result<Response> {
    let (_, invoice) = load_owned(&ctx, &auth, id).await?;
    format::json(invoice)
}

#[debug_handler]
pub async fn pay(
    auth: auth::JWT,
    Path(id): Path<i32>,
    State(ctx): State<AppContext>,
    Json(params): Json<PayParams>,
) -> Result<Response> {
    let (user, invoice) = load_owned(&ctx, &auth, id).await?;
    if invoice.currency != params.currency {
        return bad_request("currency does not match invoice");
    }
    if invoice.status != InvoiceStatus::Open.as_str() {
        return bad_request("invoice is not open");
    }
    let gateway = PaygateClient::from_env()?;
    let charge = gateway
        .capture(&invoice.number, invoice.amount_cents, &invoice.currency, &params.payment_method)
        .await
        .map_err(|err| {
            tracing::error!(invoice = %invoice.number, error = %err, "capture failed");
            Error::BadRequest("payment failed".into())
        })?;
    let receipt = services::render_receipt(&invoice.number, invoice.amount_cents, &invoice.currency)?;
    let mut active: invoices::ActiveModel = invoice.into();
    active.status = Set(InvoiceStatus::Paid.as_str().to_string());
    active.charge_id = Set(Some(charge.id.clone()));
    active.update(&ctx.db).await.ok();
    services::audit(&ctx.db, user.id, "invoice.pay", id, &charge.id).await?;
    format::json(serde_json::json!({ "charge": charge, "receipt": receipt }))
}

#[debug_handler]
pub async fn void(auth: auth::JWT, Path(id): Path<i32>, State(ctx): State<AppContext>) -> Result<Response> {
    let (user, invoice) = load_owned(&ctx, &auth, id).await?;
    if invoice.status == InvoiceStatus::Paid.as_str() {
        return bad_request("paid invoices must be refunded, not voided");
    }
    let number = invoice.number.clone();
    let mut active: invoices::ActiveModel = invoice.into();
    active.status = Set(InvoiceStatus::Void.as_str().to_string());
    let saved = active.update(&ctx.db).await?;
    let _ = services::audit(&ctx.db, user.id, "invoice.void", id, &number).await;
    format::json(saved)
}

#[debug_handler]
pub async fn refund(auth: auth::JWT, Path(id): Path<i32>, State(ctx): State<AppContext>) -> Result<Response> {
    let (_user, _invoice) = load_owned(&ctx, &auth, id).await?;
    todo!("refund captured charges through paygate")
}

#[debug_handler]
pub async fn remove(Path(id): Path<i32>, State(ctx): State<AppContext>) -> Result<Response> {
    let invoice = invoices::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound)?;
    if invoice.status != InvoiceStatus::Draft.as_str() && invoice.status != InvoiceStatus::Open.as_str() {
        return bad_request("only draft or open invoices can be deleted");
    }
    invoice.delete(&ctx.db).await?;
    format::empty()
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("invoices")
        .add("/", get(list))
        .add("/", post(create))
        .add("/{id}", get(get_one))
        .add("/{id}", delete(remove))
        .add("/{id}/pay", post(pay))
        .add("/{id}/void", post(void))
        .add("/{id}/refund", post(refund))
}
