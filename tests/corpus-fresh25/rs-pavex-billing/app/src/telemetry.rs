use std::future::IntoFuture;
use std::time::Duration;

use pavex::blueprint::constructor::CloningStrategy;
use pavex::blueprint::Blueprint;
use pavex::f;
use pavex::middleware::Next;
use pavex::request::RequestHead;
use pavex::response::Response;
use pavex_tracing::fields::{error_message, http_request_method, http_response_status_code, ERROR_MESSAGE, HTTP_RESPONSE_STATUS_CODE};
use pavex_tracing::RootSpan;
use tracing::Instrument;

use crate::configuration::ServerConfig;

pub fn register(bp: &mut Blueprint) {
    bp.request_scoped(f!(crate::telemetry::root_span))
        .cloning(CloningStrategy::CloneIfNecessary);
    bp.wrap(f!(crate::telemetry::logger));
    bp.wrap(f!(crate::telemetry::request_timeout));
    bp.error_observer(f!(crate::telemetry::log_error));
}

pub fn root_span(request_head: &RequestHead) -> RootSpan {
    let span = tracing::info_span!(
        "HTTP request",
        http.request.method = http_request_method(request_head),
        url.path = %request_head.target.path(),
        http.response.status_code = tracing::field::Empty,
        error.message = tracing::field::Empty,
    );
    RootSpan::new(span)
}

pub async fn logger<T>(next: Next<T>, root_span: RootSpan) -> Response
where
    T: IntoFuture<Output = Response>,
{
    let response = next.into_future().instrument(root_span.clone().into_inner()).await;
    root_span.record(HTTP_RESPONSE_STATUS_CODE, http_response_status_code(&response));
    response
}

fn timeout_for(config: &ServerConfig) -> Duration {
    Duration::from_millis(config.request_timeout_ms.max(100))
}

pub async fn request_timeout<T>(next: Next<T>, config: &ServerConfig) -> Response
where
    T: IntoFuture<Output = Response>,
{
    match tokio::time::timeout(timeout_for(config), next.into_future()).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!("request exceeded the configured timeout");
            Response::service_unavailable()
        }
    }
}

pub async fn log_error(e: &pavex::Error, root_span: &RootSpan) {
    let source = e.source().map(|s| s.to_string()).unwrap_or_default();
    root_span.record(ERROR_MESSAGE, error_message(e));
    tracing::error!(error.msg = %e, error.source = %source, "request failed");
}
