//! Catalog service: public product API over volo-http and the internal admin API over volo-grpc.

pub mod cdn;
pub mod config;
pub mod grpc;
pub mod http;
pub mod pricing;
pub mod state;
pub mod store;
