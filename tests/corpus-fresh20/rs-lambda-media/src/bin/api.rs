use std::time::Duration;

use lambda_http::{
    http::{header, Method, StatusCode},
    run, service_fn, Body, Error, Request, RequestExt, Response,
};
use media::{
    auth::{self, AuthError},
    blob::Blob,
    config::Config,
    store::{Asset, Store},
};
use rand::{distributions::Alphanumeric, Rng};
use serde::{Deserialize, Serialize};

struct App {
    store: Store,
    blob: Blob,
    config: Config,
}

#[derive(Deserialize)]
struct UploadRequest {
    filename: String,
    content_type: String,
    size_bytes: u64,
    #[serde(default)]
    shareable: bool,
}

#[derive(Serialize)]
struct UploadResponse<'a> {
    asset: &'a Asset,
    upload_url: String,
    share_url: Option<String>,
}

fn json<T: Serialize>(status: StatusCode, value: &T) -> Result<Response<Body>, Error> {
    Ok(Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(serde_json::to_string(value)?))?)
}

fn problem(status: StatusCode, detail: &str) -> Result<Response<Body>, Error> {
    json(status, &serde_json::json!({ "detail": detail }))
}

fn auth_failure(err: AuthError) -> Result<Response<Body>, Error> {
    match err {
        AuthError::Unauthenticated => problem(StatusCode::UNAUTHORIZED, "authentication required"),
        AuthError::Forbidden => problem(StatusCode::FORBIDDEN, "not your asset"),
    }
}

fn preflight(app: &App, _req: &Request) -> Result<Response<Body>, Error> {
    Ok(Response::builder()
        .status(StatusCode::NO_CONTENT)
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, &app.config.allowed_origin)
        .header(header::ACCESS_CONTROL_ALLOW_METHODS, "GET,POST,DELETE,PATCH,OPTIONS")
        .header(header::ACCESS_CONTROL_ALLOW_HEADERS, "authorization,content-type")
        .body(Body::Empty)?)
}

async fn list(app: &App, req: &Request) -> Result<Response<Body>, Error> {
    let claims = match auth::claims(req) {
        Ok(c) => c,
        Err(e) => return auth_failure(e),
    };
    let limit = req
        .query_string_parameters_ref()
        .and_then(|q| q.first("limit"))
        .and_then(|l| l.parse::<i32>().ok())
        .unwrap_or(50)
        .clamp(1, 200);
    let assets = app.store.list_for_owner(&claims.sub, limit).await?;
    json(StatusCode::OK, &assets)
}

async fn create_upload(app: &App, req: &Request) -> Result<Response<Body>, Error> {
    let claims = match auth::claims(req) {
        Ok(c) => c,
        Err(e) => return auth_failure(e),
    };
    let Ok(Some(body)) = req.payload::<UploadRequest>() else {
        return problem(StatusCode::BAD_REQUEST, "expected JSON body");
    };
    if body.size_bytes > app.config.max_upload_bytes {
        return problem(StatusCode::PAYLOAD_TOO_LARGE, "file too large");
    }

    let id = uuid::Uuid::new_v4().to_string();
    let share_token = body
        .shareable
        .then(|| rand::thread_rng().sample_iter(&Alphanumeric).take(32).map(char::from).collect::<String>());
    let asset = Asset {
        id: id.clone(),
        owner_id: claims.sub.clone(),
        key: format!("uploads/{}/{}/{}", claims.sub, id, body.filename),
        content_type: body.content_type.clone(),
        size_bytes: body.size_bytes,
        status: "pending".into(),
        share_token: share_token.clone(),
        thumbnail_key: None,
    };
    app.store.put(&asset).await?;
    app.store.add_usage(&claims.sub, body.size_bytes as i64).await.ok();

    let upload_url = app
        .blob
        .presign_upload(&asset.key, &asset.content_type, Duration::from_secs(app.config.upload_ttl_secs))
        .await?;
    let share_url = share_token.map(|t| format!("{}/share/{}/{}", app.config.allowed_origin, id, t));
    json(StatusCode::CREATED, &UploadResponse { asset: &asset, upload_url, share_url })
}

async fn show(app: &App, req: &Request, id: &str) -> Result<Response<Body>, Error> {
    let claims = match auth::claims(req) {
        Ok(c) => c,
        Err(e) => return auth_failure(e),
    };
    let Some(asset) = app.store.get(id).await? else {
        return problem(StatusCode::NOT_FOUND, "no such asset");
    };
    if let Err(e) = auth::require_owner(&claims, &asset) {
        return auth_failure(e);
    }
    let download_url = app.blob.presign_download(&asset.key, Duration::from_secs(300)).await?;
    json(StatusCode::OK, &serde_json::json!({ "asset": asset, "download_url": download_url }))
}

async fn delete(app: &App, req: &Request, id: &str) -> Result<Response<Body>, Error> {
    if let Err(e) = auth::claims(req) {
        return auth_failure(e);
    }
    let Some(asset) = app.store.get(id).await? else {
        return problem(StatusCode::NOT_FOUND, "no such asset");
    };
    app.store.delete(id).await?;
    let _ = app.blob.delete(&asset.key).await;
    Ok(Response::builder().status(StatusCode::NO_CONTENT).body(Body::Empty)?)
}

async fn shared(app: &App, id: &str, token: &str) -> Result<Response<Body>, Error> {
    let Some(asset) = app.store.get(id).await? else {
        return problem(StatusCode::NOT_FOUND, "link expired");
    };
    if !auth::share_token_matches(&asset, token) {
        return problem(StatusCode::NOT_FOUND, "link expired");
    }
    let url = app.blob.presign_download(&asset.key, Duration::from_secs(60)).await?;
    Ok(Response::builder().status(StatusCode::FOUND).header(header::LOCATION, url).body(Body::Empty)?)
}

async fn dispatch(app: &App, req: Request) -> Result<Response<Body>, Error> {
    let path = req.raw_http_path().to_string();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (req.method().clone(), segments.as_slice()) {
        (Method::OPTIONS, _) => preflight(app, &req),
        (Method::GET, ["share", id, token]) => shared(app, id, token).await,
        (Method::GET, ["assets"]) => list(app, &req).await,
        (Method::POST, ["assets"]) => create_upload(app, &req).await,
        (Method::GET, ["assets", id]) => show(app, &req, id).await,
        (Method::DELETE, ["assets", id]) => delete(app, &req, id).await,
        (Method::PATCH, ["assets", id]) => unimplemented!("rename asset {id}"),
        (method, _) if !matches!(method, Method::GET | Method::POST | Method::DELETE | Method::PATCH) => {
            problem(StatusCode::NOT_IMPLEMENTED, "unsupported method")
        }
        _ => problem(StatusCode::NOT_FOUND, "no route"),
    }
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    media::init_tracing();
    let config = Config::from_env();
    let aws = aws_config::load_from_env().await;
    let app = App {
        store: Store::new(aws_sdk_dynamodb::Client::new(&aws), config.table.clone()),
        blob: Blob::new(aws_sdk_s3::Client::new(&aws), config.bucket.clone()),
        config,
    };
    let app = &app;
    run(service_fn(move |req: Request| async move { dispatch(app, req).await })).await
}
