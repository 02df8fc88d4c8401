pub mod audit;
pub mod auth;
pub mod config;
pub mod fx;
pub mod handlers;
pub mod store;
