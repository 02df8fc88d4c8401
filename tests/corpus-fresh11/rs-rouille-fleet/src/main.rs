mod config;
mod guards;
mod handlers;
mod router;
mod store;
mod upstream;

use std::sync::Arc;

use log::info;

pub struct AppState {
    pub config: config::Config,
    pub store: store::Store,
    pub vendor: reqwest::blocking::Client,
}

fn main() {
    env_logger::init();
    let insecure_vendor = std::env::args().any(|a| a == "--insecure-vendor");
    let config = config::Config::from_env().expect("invalid configuration");
    let addr = config.listen_addr.clone();

    let state = Arc::new(AppState {
        vendor: upstream::vendor_client(insecure_vendor).expect("building vendor client"),
        store: store::Store::open(&config.audit_log_path).expect("opening store"),
        config,
    });

    info!("fleet-status listening on {addr}");
    rouille::start_server(addr, move |request| {
        rouille::log(request, std::io::stderr(), || router::route(request, &state))
    });
}
