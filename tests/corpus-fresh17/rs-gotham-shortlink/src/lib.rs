pub mod auth;
pub mod config;
pub mod handlers;
pub mod router;
pub mod safety;
pub mod sign;
pub mod store;
