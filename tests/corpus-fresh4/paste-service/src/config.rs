use std::path::PathBuf;

use rocket::figment::{
    providers::{Env, Format, Toml},
    Figment,
};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct AppConfig {
    /// Where paste bodies are stored, e.g. `/home/alice/.local/share/paste` on a dev box.
    pub data_dir: PathBuf,
    pub api_keys: Vec<String>,
    pub admin_tokens: Vec<String>,
    pub max_paste_bytes: usize,
}

pub fn figment() -> Figment {
    rocket::Config::figment()
        .merge(("data_dir", "/home/jkowalczyk/src/paste-service/data"))
        .merge(("max_paste_bytes", 512 * 1024))
        .merge(("secret_key", "q8Vd0rJ2mP4xZ7nT1wYbC6fK9sL3hG5aE8uR0iO2pQw="))
        .merge(Toml::file("Paste.toml").nested())
        .merge(Env::prefixed("PASTE_").global())
}
