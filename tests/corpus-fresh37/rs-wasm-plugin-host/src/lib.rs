pub mod admin;
pub mod config;
pub mod host_fns;
pub mod manifest;
pub mod registry;
pub mod runtime;
pub mod signing;
