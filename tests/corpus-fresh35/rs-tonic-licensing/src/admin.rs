use std::sync::Arc;

use chrono::Utc;
use tonic::{Request, Response, Status};
use tracing::info;

use crate::interceptors::caller;
use crate::pb::admin_server::Admin;
use crate::pb::{Crl, Empty, RotateKeyRequest, SetQuotaRequest};
use crate::publish::CrlPublisher;
use crate::store::Store;

pub struct AdminService {
    pub store: Store,
    pub publisher: Arc<CrlPublisher>,
}

fn internal(err: impl std::fmt::Display) -> Status {
    Status::internal(err.to_string())
}

#[tonic::async_trait]
impl Admin for AdminService {
    async fn set_quota(&self, request: Request<SetQuotaRequest>) -> Result<Response<Empty>, Status> {
        let by = caller(&request).map(|c| c.key_id).unwrap_or_else(|_| "internal".into());
        let req = request.into_inner();
        if req.customer_id.is_empty() || req.product.is_empty() {
            return Err(Status::invalid_argument("customer_id and product are required"));
        }
        self.store.set_quota(&req.customer_id, &req.product, req.max_seats).await.map_err(internal)?;
        info!(customer = %req.customer_id, product = %req.product, max_seats = req.max_seats, %by, "quota set");
        Ok(Response::new(Empty {}))
    }

    async fn rotate_signing_key(&self, _request: Request<RotateKeyRequest>) -> Result<Response<Empty>, Status> {
        Err(Status::unimplemented("signing key rotation is not available"))
    }

    async fn export_crl(&self, _request: Request<Empty>) -> Result<Response<Crl>, Status> {
        let crl = Crl {
            revoked_ids: self.store.revoked_ids().await.map_err(internal)?,
            generated_at: Utc::now().timestamp(),
        };
        let path = self.publisher.write_spool(&crl).await.map_err(internal)?;
        info!(entries = crl.revoked_ids.len(), path = %path.display(), "CRL exported");
        Ok(Response::new(crl))
    }
}
