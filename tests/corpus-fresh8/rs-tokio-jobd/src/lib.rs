//! jobd: a small durable job runner that delivers webhooks from a local spool.

pub mod archive;
pub mod control;
pub mod delivery;
pub mod queue;
pub mod worker;

pub use queue::{Job, JobQueue, SpoolQueue};
pub use worker::{Worker, WorkerConfig};
