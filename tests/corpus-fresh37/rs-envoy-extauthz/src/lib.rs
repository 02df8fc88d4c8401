pub mod admin;
pub mod cache;
pub mod config;
pub mod credentials;
pub mod jwt;
pub mod ldap;
pub mod policy;
pub mod service;
