#![allow(clippy::unused_async)]
use loco_rs::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::users;

#[derive(Debug, Deserialize)]
pub struct LoginParams {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Serialize)]
pub struct LoginResponse {
    pub token: String,
    pub pid: String,
    pub name: String,
}

#[debug_handler]
async fn login(State(ctx): State<AppContext>, Json(params): Json<LoginParams>) -> Result<Response> {
    let Ok(user) = users::Model::find_by_email(&ctx.db, &params.email).await else {
        tracing::debug!(email = %params.email, "login attempt for unknown user");
        return unauthorized("invalid credentials");
    };
    if !user.verify_password(&params.password) {
        return unauthorized("invalid credentials");
    }
    let jwt_secret = ctx.config.get_jwt_config()?;
    let token = user
        .generate_jwt(&jwt_secret.secret, jwt_secret.expiration)
        .or_else(|_| unauthorized("unauthorized!"))?;
    format::json(LoginResponse {
        token,
        pid: user.pid.to_string(),
        name: user.name.clone(),
    })
}

#[debug_handler]
async fn current(auth: auth::JWT, State(ctx): State<AppContext>) -> Result<Response> {
    let user = users::Model::find_by_pid(&ctx.db, &auth.claims.pid).await?;
    format::json(serde_json::json!({
        "pid": user.pid,
        "email": user.email,
        "org_id": user.org_id,
    }))
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("auth")
        .add("/login", post(login))
        .add("/current", get(current))
}
