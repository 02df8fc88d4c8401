//! Double-entry ledger service. The binary in `main.rs` wires these modules into actix-web.
pub mod audit;
pub mod config;
pub mod error;
pub mod extractors;
pub mod handlers;
pub mod middleware;
pub mod repo;
pub mod settlement;
pub mod webhook;
