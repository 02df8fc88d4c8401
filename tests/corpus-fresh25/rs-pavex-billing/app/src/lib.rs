pub mod auth;
pub mod blueprint;
pub mod configuration;
pub mod payments;
pub mod routes;
pub mod telemetry;

pub use blueprint::blueprint;
