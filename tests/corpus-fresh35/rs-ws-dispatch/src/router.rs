use std::collections::HashMap;
use std::sync::Arc;

use chrono::Utc;
use sqlx::PgPool;
use tokio::sync::{broadcast, watch, Mutex};
use tracing::warn;
use uuid::Uuid;

use crate::auth::{require, AuthError, Authenticator, Role, Session};
use crate::db;
use crate::frames::{Inbound, JobStatus, Outbound};
use crate::hub::Hub;
use crate::push::{RadioGateway, RadioPage};

pub enum Reply {
    Send(Outbound),
    Subscribe(String, broadcast::Receiver<Outbound>),
    Unsubscribe(String),
    Nothing,
}

#[derive(Debug, thiserror::Error)]
pub enum RouterError {
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error("not allowed: {0}")]
    Forbidden(&'static str),
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("database error")]
    Db(#[from] sqlx::Error),
}

impl RouterError {
    pub fn to_outbound(&self) -> Outbound {
        let code = match self {
            RouterError::Auth(_) | RouterError::Forbidden(_) => "forbidden",
            RouterError::NotFound => "not_found",
            RouterError::Conflict(_) => "conflict",
            RouterError::Db(_) => "internal",
        };
        Outbound::error(code, self.to_string())
    }
}

#[derive(Default)]
pub struct Sessions {
    live: Mutex<HashMap<Uuid, watch::Sender<bool>>>,
}

impl Sessions {
    pub async fn register(&self, id: Uuid) -> watch::Receiver<bool> {
        let (tx, rx) = watch::channel(false);
        self.live.lock().await.insert(id, tx);
        rx
    }

    pub async fn unregister(&self, id: Uuid) {
        self.live.lock().await.remove(&id);
    }

    pub async fn kick(&self, id: Uuid) -> bool {
        match self.live.lock().await.get(&id) {
            Some(tx) => tx.send(true).is_ok(),
            None => false,
        }
    }
}

pub struct Router {
    pub pool: PgPool,
    pub hub: Arc<Hub>,
    pub auth: Arc<Authenticator>,
    pub radio: Arc<RadioGateway>,
    pub sessions: Arc<Sessions>,
}

impl Router {
    async fn region_of(&self, job_id: Uuid, session: &Session) -> Result<String, RouterError> {
        let region = db::job_region(&self.pool, job_id).await?.ok_or(RouterError::NotFound)?;
        if !session.can_view(&region) {
            return Err(RouterError::NotFound);
        }
        Ok(region)
    }

    pub async fn handle(&self, session: &mut Session, frame: Inbound) -> Result<Reply, RouterError> {
        match frame {
            Inbound::Ping { nonce } => Ok(Reply::Send(Outbound::Pong { nonce })),
            Inbound::Subscribe { region } => {
                if !session.can_view(&region) {
                    return Err(RouterError::Forbidden("region"));
                }
                let rx = self.hub.subscribe(&region).await;
                Ok(Reply::Subscribe(region, rx))
            }
            Inbound::Unsubscribe { region } => Ok(Reply::Unsubscribe(region)),
            Inbound::PostUpdate { job_id, status, note } => {
                if matches!(status, JobStatus::Assigned | JobStatus::Cancelled) {
                    return Err(RouterError::Forbidden("use assign_job or cancel_job"));
                }
                let region = self.region_of(job_id, session).await?;
                db::record_status(&self.pool, job_id, status, &session.subject, note.as_deref()).await?;
                let event = Outbound::JobUpdated {
                    job_id,
                    region: region.clone(),
                    status,
                    by: session.subject.clone(),
                    at: Utc::now(),
                };
                self.hub.publish(&region, event).await;
                Ok(Reply::Nothing)
            }
            Inbound::AssignJob { job_id, technician } => {
                require(session, Role::Dispatcher)?;
                let region = self.region_of(job_id, session).await?;
                if !db::assign_job(&self.pool, job_id, &technician).await? {
                    return Err(RouterError::Conflict("job is no longer open"));
                }
                let _ = db::append_audit(&self.pool, &session.subject, "assign", job_id, &technician).await;
                let event = Outbound::JobAssigned {
                    job_id,
                    region: region.clone(),
                    technician: technician.clone(),
                    by: session.subject.clone(),
                };
                self.hub.publish(&region, event).await;
                let text = format!("New job {job_id} in {region}");
                if let Err(e) = self.radio.page(&RadioPage { technician: &technician, text: &text, priority: 2 }).await
                {
                    // The assignment already reached the technician's app through the hub.
                    warn!(%job_id, error = %e, "radio page failed");
                }
                Ok(Reply::Nothing)
            }
            Inbound::CancelJob { job_id, reason } => {
                let region = self.region_of(job_id, session).await?;
                if !db::cancel_job(&self.pool, job_id, &reason).await? {
                    return Err(RouterError::Conflict("job already finished"));
                }
                db::append_audit(&self.pool, &session.subject, "cancel", job_id, &reason).await?;
                let event =
                    Outbound::JobCancelled { job_id, region: region.clone(), reason, by: session.subject.clone() };
                self.hub.publish(&region, event).await;
                Ok(Reply::Nothing)
            }
            Inbound::History { region, since } => {
                if !session.can_view(&region) {
                    return Err(RouterError::Forbidden("region"));
                }
                let jobs = db::jobs_for_region(&self.pool, &region, since).await?;
                Ok(Reply::Send(Outbound::History { region, jobs }))
            }
            Inbound::ExportShift { .. } => unimplemented!("shift export"),
            Inbound::KickSession { session_id } => {
                require(session, Role::Admin)?;
                if !self.sessions.kick(session_id).await {
                    return Err(RouterError::NotFound);
                }
                db::append_audit(&self.pool, &session.subject, "kick", session_id, "").await?;
                Ok(Reply::Nothing)
            }
            Inbound::Resume { token } => {
                let (id, subject) =
                    self.auth.verify_resume_token(&token).ok_or(RouterError::Forbidden("resume token"))?;
                if subject != session.subject {
                    return Err(RouterError::Forbidden("resume token belongs to another user"));
                }
                self.sessions.unregister(session.id).await;
                session.id = id;
                let resume_token = self.auth.issue_resume_token(session);
                Ok(Reply::Send(Outbound::Welcome { session_id: id, resume_token }))
            }
        }
    }
}
