pub mod config;
pub mod db;
pub mod jobs;
pub mod runner;
