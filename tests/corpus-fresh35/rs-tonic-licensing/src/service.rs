use std::sync::Arc;

use chrono::Duration;
use tonic::{Request, Response, Status};
use tracing::{info, warn};
use uuid::Uuid;

use crate::interceptors::caller;
use crate::pb::licensing_server::Licensing;
use crate::pb::{
    Empty, IssueRequest, License, ListRequest, ListResponse, RevokeRequest, VerifyRequest, VerifyResponse,
};
use crate::publish::CrlPublisher;
use crate::reporting::UsageReporter;
use crate::signing::LicenseSigner;
use crate::store::{LicenseRow, Store};

#[tonic::async_trait]
pub trait QuotaSource: Send + Sync + 'static {
    async fn max_seats(&self, customer_id: &str, product: &str) -> Result<i64, Status>;
}

pub struct LicensingService {
    pub store: Store,
    pub signer: Arc<LicenseSigner>,
    pub quotas: Arc<dyn QuotaSource>,
    pub publisher: Option<Arc<CrlPublisher>>,
    pub reporter: Option<Arc<UsageReporter>>,
}

fn internal(err: impl std::fmt::Display) -> Status {
    warn!(error = %err, "internal error");
    Status::internal("internal error")
}

fn to_pb(row: LicenseRow) -> License {
    License {
        id: row.id,
        customer_id: row.customer_id,
        product: row.product,
        seats: row.seats as u32,
        expires_at: row.expires_at,
        token: row.token,
        revoked: row.revoked,
    }
}

#[tonic::async_trait]
impl Licensing for LicensingService {
    async fn issue(&self, request: Request<IssueRequest>) -> Result<Response<License>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        if req.customer_id != caller.customer_id {
            return Err(Status::permission_denied("api key belongs to another customer"));
        }
        if req.seats == 0 || req.seats > 10_000 {
            return Err(Status::invalid_argument("seats must be between 1 and 10000"));
        }
        let ttl_days = if req.ttl_days == 0 { 365 } else { req.ttl_days.min(1095) };

        let quota = match self.store.quota(&req.customer_id, &req.product).await.map_err(internal)? {
            Some(q) => q,
            None => self.quotas.max_seats(&req.customer_id, &req.product).await?,
        };
        let used = self.store.seats_in_use(&req.customer_id, &req.product).await.map_err(internal)?;
        if used + i64::from(req.seats) > quota {
            return Err(Status::resource_exhausted(format!("{used} of {quota} seats already licensed")));
        }

        let id = Uuid::new_v4().to_string();
        let (payload, token) =
            self.signer.sign(&id, &req.customer_id, &req.product, req.seats, Duration::days(i64::from(ttl_days)));
        let row = LicenseRow {
            id,
            customer_id: payload.customer_id.clone(),
            product: payload.product.clone(),
            seats: i64::from(payload.seats),
            expires_at: payload.expires_at,
            token,
            revoked: false,
        };
        self.store.insert(&row).await.map_err(internal)?;
        if let Some(reporter) = &self.reporter {
            if let Err(e) = reporter.issued(&payload).await {
                // Usage is reconciled nightly from the licenses table; the live report is best effort.
                warn!(license = %payload.id, error = %e, "usage report failed");
            }
        }
        info!(license = %row.id, customer = %row.customer_id, seats = row.seats, "license issued");
        Ok(Response::new(to_pb(row)))
    }

    async fn verify(&self, request: Request<VerifyRequest>) -> Result<Response<VerifyResponse>, Status> {
        let req = request.into_inner();
        let payload = match self.signer.verify(&req.token) {
            Ok(payload) => payload,
            Err(e) => return Ok(Response::new(VerifyResponse { valid: false, reason: e.to_string(), license: None })),
        };
        let response = match self.store.get(&payload.id).await.map_err(internal)? {
            Some(row) if row.revoked => {
                VerifyResponse { valid: false, reason: "revoked".into(), license: Some(to_pb(row)) }
            }
            Some(row) => VerifyResponse { valid: true, reason: String::new(), license: Some(to_pb(row)) },
            None => VerifyResponse { valid: false, reason: "unknown license".into(), license: None },
        };
        Ok(Response::new(response))
    }

    async fn revoke(&self, request: Request<RevokeRequest>) -> Result<Response<Empty>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let row =
            self.store.get(&req.license_id).await.map_err(internal)?.ok_or_else(|| Status::not_found("license"))?;
        if row.customer_id != caller.customer_id && !caller.admin {
            return Err(Status::not_found("license"));
        }
        if !self.store.revoke(&req.license_id, &req.reason).await.map_err(internal)? {
            return Ok(Response::new(Empty {}));
        }
        if let Some(publisher) = &self.publisher {
            publisher.push_delta(&req.license_id).await.ok();
        }
        info!(license = %req.license_id, by = %caller.key_id, "license revoked");
        Ok(Response::new(Empty {}))
    }

    async fn list(&self, request: Request<ListRequest>) -> Result<Response<ListResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        if req.customer_id != caller.customer_id {
            return Err(Status::permission_denied("api key belongs to another customer"));
        }
        let limit = match req.page_size {
            0 => 50,
            n => n.min(500),
        };
        let rows = self.store.list(&req.customer_id, &req.page_token, limit).await.map_err(internal)?;
        let next_page_token = if rows.len() as u32 == limit {
            rows.last().map(|r| r.id.clone()).unwrap_or_default()
        } else {
            String::new()
        };
        Ok(Response::new(ListResponse { licenses: rows.into_iter().map(to_pb).collect(), next_page_token }))
    }
}
