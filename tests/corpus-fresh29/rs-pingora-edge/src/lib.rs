pub mod accesslog;
pub mod admin;
pub mod auth;
pub mod config;
pub mod proxy;
pub mod ratelimit;
pub mod signing;
pub mod upstreams;
