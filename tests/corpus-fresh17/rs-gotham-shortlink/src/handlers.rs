use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use gotham::handler::{HandlerError, HandlerResult, MapHandlerError};
use gotham::helpers::http::response::{create_empty_response, create_response};
use gotham::hyper::{body, header, Body, StatusCode};
use gotham::mime;
use gotham::state::{client_addr, FromState, State};
use gotham_derive::{StateData, StaticResponseExtender};
use log::{info, warn};
use serde::Deserialize;

use crate::auth::Caller;
use crate::config::Config;
use crate::safety::SafetyClient;
use crate::sign::Signer;
use crate::store::LinkStore;

#[derive(Clone, StateData)]
pub struct AppContext {
    pub store: Arc<dyn LinkStore>,
    pub signer: Signer,
    pub safety: SafetyClient,
    pub geoip: Option<Arc<maxminddb::Reader<Vec<u8>>>>,
    pub config: Arc<Config>,
}

#[derive(Deserialize, StateData, StaticResponseExtender)]
pub struct CodePath {
    pub code: String,
}

#[derive(Deserialize, StateData, StaticResponseExtender)]
pub struct PreviewQuery {
    pub exp: i64,
    pub sig: String,
}

#[derive(Deserialize)]
struct CreateLink {
    target: String,
    code: Option<String>,
    expires_in_secs: Option<u64>,
}

fn json_response<T: serde::Serialize>(state: &State, status: StatusCode, value: &T) -> gotham::hyper::Response<Body> {
    let body = serde_json::to_vec(value).expect("serialisable response");
    create_response(state, status, mime::APPLICATION_JSON, body)
}

fn country_of(ctx: &AppContext, ip: Option<IpAddr>) -> String {
    let (Some(reader), Some(ip)) = (ctx.geoip.as_ref(), ip) else {
        return "ZZ".to_string();
    };
    match reader.lookup::<maxminddb::geoip2::Country>(ip) {
        Ok(c) => c.country.and_then(|c| c.iso_code).unwrap_or("ZZ").to_string(),
        Err(err) => {
            // Unknown or private addresses are common; the click still counts under "ZZ".
            warn!("geoip lookup failed for {ip}: {err}");
            "ZZ".to_string()
        }
    }
}

pub fn health(state: State) -> (State, &'static str) {
    (state, "ok")
}

pub async fn resolve(state: State) -> HandlerResult {
    let ctx = AppContext::borrow_from(&state).clone();
    let code = CodePath::borrow_from(&state).code.clone();
    let link = match ctx.store.get(&code).await {
        Ok(Some(link)) => link,
        Ok(None) => {
            let res = create_empty_response(&state, StatusCode::NOT_FOUND);
            return Ok((state, res));
        }
        Err(e) => return Err((state, HandlerError::from(e))),
    };
    if link.is_expired(Utc::now()) {
        let res = create_empty_response(&state, StatusCode::GONE);
        return Ok((state, res));
    }
    let country = country_of(&ctx, client_addr(&state).map(|a| a.ip()));
    let _ = ctx.store.record_click(&link.code, &country).await;
    let location = match header::HeaderValue::from_str(&link.target) {
        Ok(v) => v,
        Err(e) => return Err((state, HandlerError::from(e))),
    };
    let mut res = create_empty_response(&state, StatusCode::FOUND);
    res.headers_mut().insert(header::LOCATION, location);
    Ok((state, res))
}

pub async fn preview(state: State) -> HandlerResult {
    let ctx = AppContext::borrow_from(&state).clone();
    let code = CodePath::borrow_from(&state).code.clone();
    let query = PreviewQuery::borrow_from(&state);
    if !ctx.signer.verify_preview(&code, query.exp, &query.sig, Utc::now().timestamp()) {
        let res = create_empty_response(&state, StatusCode::FORBIDDEN);
        return Ok((state, res));
    }
    match ctx.store.get(&code).await {
        Ok(Some(link)) => {
            let res = json_response(&state, StatusCode::OK, &serde_json::json!({ "code": link.code, "target": link.target }));
            Ok((state, res))
        }
        Ok(None) => {
            let res = create_empty_response(&state, StatusCode::NOT_FOUND);
            Ok((state, res))
        }
        Err(e) => Err((state, HandlerError::from(e))),
    }
}

pub async fn create_link(mut state: State) -> HandlerResult {
    let raw = match body::to_bytes(Body::take_from(&mut state)).await {
        Ok(b) => b,
        Err(e) => return Err((state, e.into())),
    };
    let req: CreateLink = match serde_json::from_slice(&raw).map_err_with_status(StatusCode::BAD_REQUEST) {
        Ok(r) => r,
        Err(e) => return Err((state, e)),
    };
    let ctx = AppContext::borrow_from(&state).clone();
    let owner = Caller::borrow_from(&state).owner.clone();
    match ctx.safety.is_safe(&req.target).await {
        Ok(true) => {}
        Ok(false) => {
            let res = json_response(&state, StatusCode::UNPROCESSABLE_ENTITY, &serde_json::json!({ "error": "target flagged as unsafe" }));
            return Ok((state, res));
        }
        Err(e) => return Err((state, HandlerError::from(e).with_status(StatusCode::BAD_GATEWAY))),
    }
    let expires_in = req.expires_in_secs.map(Duration::from_secs);
    match ctx.store.create(&owner, &req.target, req.code, expires_in).await {
        Ok(link) => {
            info!("link {} created by {}", link.code, owner);
            let res = json_response(&state, StatusCode::CREATED, &link);
            Ok((state, res))
        }
        Err(e) => Err((state, HandlerError::from(e))),
    }
}

pub async fn link_stats(state: State) -> HandlerResult {
    let ctx = AppContext::borrow_from(&state).clone();
    let code = CodePath::borrow_from(&state).code.clone();
    match ctx.store.clicks_by_country(&code).await {
        Ok(rows) => {
            let res = json_response(&state, StatusCode::OK, &rows);
            Ok((state, res))
        }
        Err(e) => Err((state, HandlerError::from(e))),
    }
}

pub async fn delete_link(state: State) -> HandlerResult {
    let ctx = AppContext::borrow_from(&state).clone();
    let code = CodePath::borrow_from(&state).code.clone();
    match ctx.store.delete(&code).await {
        Ok(true) => {
            info!("link {code} deleted");
            let res = create_empty_response(&state, StatusCode::NO_CONTENT);
            Ok((state, res))
        }
        Ok(false) => {
            let res = create_empty_response(&state, StatusCode::NOT_FOUND);
            Ok((state, res))
        }
        Err(e) => Err((state, HandlerError::from(e))),
    }
}

pub async fn purge_expired(state: State) -> HandlerResult {
    let ctx = AppContext::borrow_from(&state).clone();
    match ctx.store.purge_expired().await {
        Ok(n) => {
            info!("purged {n} expired links");
            let res = json_response(&state, StatusCode::OK, &serde_json::json!({ "purged": n }));
            Ok((state, res))
        }
        Err(e) => Err((state, HandlerError::from(e))),
    }
}

pub async fn export_links(_state: State) -> HandlerResult {
    todo!("stream all links as CSV")
}
