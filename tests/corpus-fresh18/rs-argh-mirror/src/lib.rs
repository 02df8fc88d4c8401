//! Library half of `sftp-mirror`: configuration, manifest retrieval, SSH
//! session handling and the diff/apply logic. The binary only parses
//! arguments and prints results.

pub mod config;
pub mod journal;
pub mod manifest;
pub mod report;
pub mod ssh;
pub mod sync;
pub mod tls;

pub use config::Config;
pub use sync::{plan, Action, Entry, Plan};
