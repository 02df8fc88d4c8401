mod api;
mod components;
mod models;

#[cfg(feature = "server")]
mod config;
#[cfg(feature = "server")]
mod server;

fn main() {
    #[cfg(feature = "server")]
    tokio::runtime::Runtime::new()
        .expect("tokio runtime")
        .block_on(server::launch(components::App));

    #[cfg(not(feature = "server"))]
    dioxus::launch(components::App);
}
