pub mod auth;
pub mod config;
pub mod error;
pub mod firmware;
pub mod iface;
pub mod store;
