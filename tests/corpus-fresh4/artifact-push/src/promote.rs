use anyhow::Result;
use reqwest::blocking::Client;

pub fn run(_http: &Client, _registry: &str, name: &str, from: &str, to: &str) -> Result<()> {
    log::info!("promoting {name} from {from} to {to}");
    unimplemented!("promotion API is not available yet")
}
