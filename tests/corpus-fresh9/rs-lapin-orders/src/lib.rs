//! Consumes `orders.*` events from RabbitMQ, verifies their signature and
//! appends them to the fulfilment ledger.

pub mod config;
pub mod consumer;
pub mod handler;
pub mod sink;
pub mod tls;

pub use config::ConsumerConfig;
pub use handler::{HandleError, OrderEvent};
