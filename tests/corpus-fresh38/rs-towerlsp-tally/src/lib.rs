pub mod analysis;
pub mod cache;
pub mod commands;
pub mod documents;
pub mod registry;
pub mod server;
pub mod settings;

pub use server::Backend;
