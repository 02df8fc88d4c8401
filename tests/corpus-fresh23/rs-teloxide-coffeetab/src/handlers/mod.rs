pub mod admin;
pub mod user;

use std::sync::Arc;

use teloxide::types::Message;

use crate::config::Config;
use crate::Db;

/// dptree filter: true when the sender is a configured or promoted admin.
pub async fn is_admin(cfg: Arc<Config>, db: Db, msg: Message) -> bool {
    let Some(user) = msg.from() else {
        return false;
    };
    if cfg.is_configured_admin(user.id) {
        return true;
    }
    match db.lock().await.is_admin(user.id.0 as i64) {
        Ok(flag) => flag,
        Err(err) => {
            log::error!("admin lookup failed for {}: {err}", user.id);
            false
        }
    }
}
