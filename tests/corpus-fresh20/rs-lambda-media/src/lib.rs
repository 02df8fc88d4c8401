pub mod auth;
pub mod blob;
pub mod callback;
pub mod config;
pub mod store;

pub fn init_tracing() {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_current_span(false)
        .without_time()
        .init();
}
