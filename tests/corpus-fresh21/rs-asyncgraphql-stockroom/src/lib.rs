//! Stockroom: warehouse inventory over GraphQL.

pub mod auth;
pub mod config;
pub mod entities;
pub mod export;
pub mod schema;
pub mod services;
pub mod telemetry;
