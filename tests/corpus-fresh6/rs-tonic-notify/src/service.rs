use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::delivery::Deliverer;
use crate::pb::admin_server::Admin;
use crate::pb::notifier_server::Notifier;
use crate::pb::*;
use crate::store::{State, Store};

pub struct NotifierService {
    pub store: Store,
    pub deliverer: Deliverer,
}

#[tonic::async_trait]
impl Notifier for NotifierService {
    async fn send(&self, request: Request<SendRequest>) -> Result<Response<SendReply>, Status> {
        let req = request.into_inner();
        if req.tenant_id.is_empty() || req.body.is_empty() {
            return Err(Status::invalid_argument("tenant_id and body are required"));
        }
        let id = Uuid::new_v4().to_string();
        self.store
            .insert(&id, &req.tenant_id)
            .await
            .map_err(|e| Status::internal(e.to_string()))?;

        let result = match req.channel.as_str() {
            "slack" => self.deliverer.slack(&req.target, &req.body).await,
            "webhook" => {
                let url = match self.store.webhook_url(&req.tenant_id).await {
                    Some(url) => url,
                    None => return Err(Status::failed_precondition("tenant has no webhook url")),
                };
                self.deliverer.webhook(&url, &req.tenant_id, &req.body).await
            }
            other => return Err(Status::invalid_argument(format!("unknown channel {other}"))),
        };

        match result {
            Ok(()) => {
                self.store.set_state(&id, State::Delivered).await.ok();
                tracing::info!(%id, tenant = %req.tenant_id, "delivered");
            }
            Err(e) => {
                tracing::warn!(%id, error = %e, "delivery failed");
                self.store
                    .set_state(&id, State::Failed(e.to_string()))
                    .await
                    .map_err(|e| Status::internal(e.to_string()))?;
            }
        }
        Ok(Response::new(SendReply { id }))
    }

    async fn status(&self, request: Request<StatusRequest>) -> Result<Response<StatusReply>, Status> {
        let id = request.into_inner().id;
        let state = self.store.state(&id).await.ok_or_else(|| Status::not_found("no such message"))?;
        let state = match state {
            State::Queued => "queued".to_owned(),
            State::Delivered => "delivered".to_owned(),
            State::Failed(reason) => format!("failed: {reason}"),
        };
        Ok(Response::new(StatusReply { id, state }))
    }

    async fn cancel(&self, request: Request<CancelRequest>) -> Result<Response<CancelReply>, Status> {
        let id = request.into_inner().id;
        tracing::debug!(%id, "cancel requested");
        unimplemented!("cancellation of queued notifications")
    }
}

pub struct AdminService {
    pub store: Store,
}

#[tonic::async_trait]
impl Admin for AdminService {
    async fn purge_dead_letters(&self, request: Request<PurgeRequest>) -> Result<Response<PurgeReply>, Status> {
        let tenant = request.into_inner().tenant_id;
        let purged = self.store.purge_failed(&tenant).await;
        tracing::warn!(%tenant, purged, "dead letters purged");
        Ok(Response::new(PurgeReply { purged }))
    }

    async fn set_webhook_url(
        &self,
        request: Request<SetWebhookUrlRequest>,
    ) -> Result<Response<SetWebhookUrlReply>, Status> {
        let req = request.into_inner();
        if !req.url.starts_with("https://") {
            return Err(Status::invalid_argument("webhook url must be https"));
        }
        self.store.set_webhook_url(&req.tenant_id, &req.url).await;
        Ok(Response::new(SetWebhookUrlReply {}))
    }
}
