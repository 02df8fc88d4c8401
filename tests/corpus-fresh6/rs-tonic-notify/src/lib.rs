pub mod config;
pub mod delivery;
pub mod interceptor;
pub mod service;
pub mod store;

pub mod pb {
    tonic::include_proto!("notify.v1");
}
