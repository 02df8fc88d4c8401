pub mod commands;
pub mod config;
pub mod handlers;
pub mod payments;
pub mod storage;
