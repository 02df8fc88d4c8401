pub mod admin;
pub mod proxy;
pub mod webhooks;
