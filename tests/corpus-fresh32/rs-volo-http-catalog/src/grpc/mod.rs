pub mod auth_layer;

use std::sync::Arc;

use volo_gen::catalog::admin::v1::{
    ArchiveProductRequest, ArchiveProductResponse, BulkRepriceRequest, BulkRepriceResponse, CatalogAdmin,
    GetProductRequest, PingRequest, PingResponse, Product, SetPriceRequest, SetPriceResponse,
};
use volo_grpc::{Request, Response, Status};

use crate::{state::AppState, store};
use auth_layer::Caller;

pub struct CatalogAdminImpl {
    pub state: Arc<AppState>,
}

fn to_proto(p: store::Product) -> Product {
    Product {
        sku: p.sku.into(),
        title: p.title.into(),
        category: p.category.into(),
        price_cents: p.price_cents,
        currency: p.currency.into(),
        archived: p.archived,
    }
}

fn db_error(e: sqlx::Error) -> Status {
    tracing::error!(error = %e, "database error");
    Status::internal("database error")
}

fn caller_of<T>(req: &Request<T>) -> String {
    req.extensions().get::<Caller>().map(|c| c.0.clone()).unwrap_or_else(|| "anonymous".into())
}

impl CatalogAdmin for CatalogAdminImpl {
    async fn ping(&self, _req: Request<PingRequest>) -> Result<Response<PingResponse>, Status> {
        Ok(Response::new(PingResponse { version: env!("CARGO_PKG_VERSION").into() }))
    }

    async fn get_product(&self, req: Request<GetProductRequest>) -> Result<Response<Product>, Status> {
        let sku = req.get_ref().sku.to_string();
        let product = store::get_product(&self.state.pool, &sku)
            .await
            .map_err(db_error)?
            .ok_or_else(|| Status::not_found(format!("no product {sku}")))?;
        Ok(Response::new(to_proto(product)))
    }

    async fn set_price(&self, req: Request<SetPriceRequest>) -> Result<Response<SetPriceResponse>, Status> {
        let caller = caller_of(&req);
        let body = req.into_inner();
        if body.price_cents < 0 {
            return Err(Status::invalid_argument("price must be >= 0"));
        }
        let product = store::set_price(&self.state.pool, &body.sku, body.price_cents, &caller, &body.reason)
            .await
            .map_err(db_error)?
            .ok_or_else(|| Status::not_found("no such product"))?;
        Ok(Response::new(SetPriceResponse { product: Some(to_proto(product)) }))
    }

    async fn bulk_reprice(&self, req: Request<BulkRepriceRequest>) -> Result<Response<BulkRepriceResponse>, Status> {
        let caller = caller_of(&req);
        let body = req.into_inner();
        if !(-50..=50).contains(&body.percent_change) {
            return Err(Status::invalid_argument("percent_change must be within ±50"));
        }
        let updated = store::bulk_reprice(&self.state.pool, &body.category, body.percent_change, &caller, &body.reason)
            .await
            .map_err(db_error)?;
        Ok(Response::new(BulkRepriceResponse { updated: updated as i64 }))
    }

    async fn archive_product(&self, _req: Request<ArchiveProductRequest>) -> Result<Response<ArchiveProductResponse>, Status> {
        Err(Status::unimplemented("archiving over gRPC is not supported"))
    }
}
