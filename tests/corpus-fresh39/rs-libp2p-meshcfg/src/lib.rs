pub mod acl;
pub mod admin;
pub mod behaviour;
pub mod bootstrap;
pub mod config;
pub mod handler;
pub mod protocol;
pub mod store;
