pub mod auth;
pub mod client;
pub mod config;
pub mod protocol;
pub mod server;
pub mod store;
pub mod tls;

pub const ALPN: &[u8] = b"filesync/1";
