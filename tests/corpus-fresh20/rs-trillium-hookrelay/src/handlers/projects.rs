use rand::{distributions::Alphanumeric, Rng};
use serde::Deserialize;
use trillium::{Conn, Status};
use trillium_api::ApiConnExt;

use super::{owned_project, path_uuid, server_error};
use crate::{db, state::AppState, state::Caller};

#[derive(Debug, Deserialize)]
pub struct NewProject {
    pub name: String,
    pub target_url: String,
}

fn random_secret() -> String {
    rand::thread_rng().sample_iter(&Alphanumeric).take(40).map(char::from).collect()
}

pub async fn list(conn: Conn) -> Conn {
    let state = conn.state::<AppState>().expect("state mounted");
    let caller = conn.state::<Caller>().expect("auth runs first");
    match db::list_projects(&state.db, caller.owner_id).await {
        Ok(projects) => conn.with_json(&projects),
        Err(e) => server_error(conn, e),
    }
}

pub async fn create(conn: Conn, body: NewProject) -> Conn {
    if !body.target_url.starts_with("https://") {
        return conn
            .with_status(Status::UnprocessableEntity)
            .with_body("target_url must be https")
            .halt();
    }
    let state = conn.state::<AppState>().expect("state mounted").clone();
    let caller = conn.state::<Caller>().expect("auth runs first").clone();
    match db::insert_project(&state.db, caller.owner_id, &body.name, &body.target_url, &random_secret(), &random_secret()).await {
        Ok(project) => conn.with_status(Status::Created).with_json(&serde_json::json!({
            "project": project,
            "signing_secret": project.signing_secret,
            "inbound_secret": project.inbound_secret,
        })),
        Err(e) => server_error(conn, e),
    }
}

pub async fn show(conn: Conn) -> Conn {
    match owned_project(conn).await {
        Ok((conn, project)) => conn.with_json(&project),
        Err(conn) => conn,
    }
}

pub async fn delete(conn: Conn) -> Conn {
    let Some(id) = path_uuid(&conn, "id") else {
        return conn.with_status(Status::NotFound).halt();
    };
    let state = conn.state::<AppState>().expect("state mounted");
    match db::delete_project(&state.db, id).await {
        Ok(0) => conn.with_status(Status::NotFound).halt(),
        Ok(_) => conn.with_status(Status::NoContent).halt(),
        Err(e) => server_error(conn, e),
    }
}

pub async fn rotate_secret(conn: Conn) -> Conn {
    todo!("rotate signing secret and notify subscribers")
}
