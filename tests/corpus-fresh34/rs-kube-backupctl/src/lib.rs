pub mod backup_api;
pub mod config;
pub mod controller;
pub mod crd;
pub mod state;
pub mod telemetry;
pub mod webhook;
