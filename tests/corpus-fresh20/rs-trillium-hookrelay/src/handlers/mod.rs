pub mod deliveries;
pub mod inbound;
pub mod projects;

use trillium::{Conn, Status};
use trillium_router::RouterConnExt;
use uuid::Uuid;

use crate::{db, state::AppState, state::Caller};

pub async fn health(conn: Conn) -> Conn {
    conn.ok("ok")
}

pub(crate) fn path_uuid(conn: &Conn, name: &str) -> Option<Uuid> {
    conn.param(name).and_then(|raw| raw.parse().ok())
}

pub(crate) fn server_error(conn: Conn, error: impl std::fmt::Display) -> Conn {
    tracing::error!(%error, path = conn.path(), "request failed");
    conn.with_status(Status::InternalServerError).halt()
}

/// Loads the project named by `:id` and checks that the caller owns it.
pub(crate) async fn owned_project(conn: Conn) -> Result<(Conn, db::Project), Conn> {
    let Some(id) = path_uuid(&conn, "id") else {
        return Err(conn.with_status(Status::NotFound).halt());
    };
    let state = conn.state::<AppState>().expect("state mounted");
    let project = match db::get_project(&state.db, id).await {
        Ok(Some(p)) => p,
        Ok(None) => return Err(conn.with_status(Status::NotFound).halt()),
        Err(e) => return Err(server_error(conn, e)),
    };
    let caller = conn.state::<Caller>().expect("auth runs before project handlers");
    if project.owner_id != caller.owner_id && !caller.is_admin {
        return Err(conn.with_status(Status::NotFound).halt());
    }
    Ok((conn, project))
}
