pub mod config;
pub mod controller;
pub mod crd;
pub mod error;
pub mod http;
pub mod metrics;
pub mod probe;
pub mod secrets;
pub mod stowage;

pub use error::{Error, Result};
