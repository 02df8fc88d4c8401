pub mod backup;
pub mod commands;
pub mod components;
pub mod config;
pub mod db;
pub mod dispatch;
pub mod external;
pub mod modlog;

use std::sync::Arc;

use sqlx::SqlitePool;
use twilight_http::Client as HttpClient;
use twilight_model::id::{marker::ApplicationMarker, Id};

pub struct Ctx {
    pub http: Arc<HttpClient>,
    pub application_id: Id<ApplicationMarker>,
    pub db: SqlitePool,
    pub config: Arc<config::Config>,
    pub shield: external::ShieldClient,
    pub mailer: external::MailerClient,
}
