pub mod config;
pub mod control;
pub mod journal;
pub mod uploader;
