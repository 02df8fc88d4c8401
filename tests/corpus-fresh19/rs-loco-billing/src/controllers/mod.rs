pub mod auth;
pub mod invoices;
pub mod webhooks;
