pub mod auth;
pub mod config;
pub mod router;
pub mod upstream;
pub mod webhook;

pub use router::{route, AppState};
