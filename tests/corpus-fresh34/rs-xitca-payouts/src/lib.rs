pub mod auth;
pub mod bank;
pub mod config;
pub mod db;
pub mod error;
pub mod handlers;
pub mod state;
pub mod webhook;
