pub mod app;
pub mod controllers;
pub mod models;
pub mod services;
