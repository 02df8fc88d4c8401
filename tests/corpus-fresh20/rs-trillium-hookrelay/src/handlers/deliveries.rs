use trillium::{Conn, Status};
use trillium_api::ApiConnExt;
use trillium_router::RouterConnExt;
use uuid::Uuid;

use super::{owned_project, server_error};
use crate::{db, outbound::Job, state::AppState};

const DEFAULT_LIMIT: i64 = 50;

fn limit_from_query(query: &str) -> i64 {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "limit")
        .and_then(|(_, v)| v.parse::<i64>().ok())
        .map(|n| n.clamp(1, 500))
        .unwrap_or(DEFAULT_LIMIT)
}

pub async fn list(conn: Conn) -> Conn {
    let (conn, project) = match owned_project(conn).await {
        Ok(found) => found,
        Err(conn) => return conn,
    };
    let limit = limit_from_query(conn.querystring());
    let state = conn.state::<AppState>().expect("state mounted");
    match db::recent_deliveries(&state.db, project.id, limit).await {
        Ok(rows) => conn.with_json(&rows),
        Err(e) => server_error(conn, e),
    }
}

pub async fn retry(mut conn: Conn) -> Conn {
    let (c, project) = match owned_project(conn).await {
        Ok(found) => found,
        Err(conn) => return conn,
    };
    conn = c;
    let Some(delivery_id) = conn.param("delivery_id").and_then(|s| s.parse::<Uuid>().ok()) else {
        return conn.with_status(Status::NotFound).halt();
    };
    let body = match conn.request_body_string().await {
        Ok(body) if !body.is_empty() => body.into_bytes(),
        Ok(_) => return conn.with_status(Status::BadRequest).with_body("original payload required").halt(),
        Err(e) => return server_error(conn, e),
    };
    let state = conn.state::<AppState>().expect("state mounted");
    state.deliverer.spawn(Job {
        delivery_id,
        project_id: project.id,
        target_url: project.target_url.clone(),
        signing_secret: project.signing_secret.clone(),
        event: "redelivery".into(),
        body,
    });
    conn.with_status(Status::Accepted).halt()
}
