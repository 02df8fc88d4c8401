pub mod auth;
pub mod config;
pub mod control;
pub mod dispatch;
pub mod escrow;
pub mod protocol;
pub mod storage;
pub mod sync;
