pub mod api;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod billing;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod tls;

pub use api::*;
