//! gitgate: an SSH server that serves bare git repositories with per-user access levels.

pub mod access;
pub mod audit;
pub mod config;
pub mod dispatch;
pub mod handler;
pub mod hooks;
