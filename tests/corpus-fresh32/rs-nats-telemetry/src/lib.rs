pub mod auth;
pub mod config;
pub mod ingest;
pub mod service;
pub mod state;
pub mod store;
pub mod tls;
