pub mod archive;
pub mod auth;
pub mod config;
pub mod consumer;
pub mod dlq;
pub mod handler;
pub mod store;
