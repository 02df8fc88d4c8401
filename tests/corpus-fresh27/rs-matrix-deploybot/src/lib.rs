//! Library half of deploybot so the command parser and clients can be tested from `tests/`.

pub mod auth;
pub mod ci;
pub mod commands;
pub mod config;
pub mod db;
pub mod webhook;
