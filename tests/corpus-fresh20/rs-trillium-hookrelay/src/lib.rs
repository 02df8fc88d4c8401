pub mod auth;
pub mod config;
pub mod db;
pub mod handlers;
pub mod outbound;
pub mod routes;
pub mod state;

use trillium::{Handler, State};
use trillium_logger::Logger;

pub use state::AppState;

/// The full handler stack; shared by `main` and the integration tests.
pub fn app(state: AppState) -> impl Handler {
    (Logger::new(), State::new(state), routes::router())
}
