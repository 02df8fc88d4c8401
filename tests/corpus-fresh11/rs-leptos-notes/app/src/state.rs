use std::sync::Arc;

use leptos::provide_context;
use notes_storage::Store;

use crate::auth::Session;

/// Shared server state, provided to server functions through Leptos context
/// by the integration layer for every request.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub http: reqwest::Client,
    pub ingest_token: Arc<str>,
}

impl AppState {
    pub fn new(store: Store, ingest_token: String) -> Self {
        AppState {
            store: Arc::new(store),
            http: crate::tls::internal_client().expect("building http client"),
            ingest_token: ingest_token.into(),
        }
    }
}

/// Called by the server integration before rendering / running server fns.
pub fn provide_request_context(state: AppState, session: Session) {
    provide_context(state);
    provide_context(session);
}
