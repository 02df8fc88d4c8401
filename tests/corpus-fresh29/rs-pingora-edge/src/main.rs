use edge::accesslog::AccessLog;
use edge::admin::AdminApp;
use edge::auth::KeyStore;
use edge::config::{secret_from_env, EdgeConfig};
use edge::proxy::EdgeProxy;
use edge::ratelimit::RateLimiter;
use edge::upstreams::UpstreamSelector;
use log::info;
use pingora::proxy::http_proxy_service;
use pingora::server::configuration::Opt;
use pingora::server::Server;
use pingora::services::listening::Service;
use std::sync::Arc;

fn fail(msg: impl std::fmt::Display) -> ! {
    eprintln!("pingora-edge: {msg}");
    std::process::exit(2)
}

fn main() {
    env_logger::init();
    let opt = Opt::parse_args();

    let path = EdgeConfig::locate(None);
    let cfg = Arc::new(EdgeConfig::load(&path).unwrap_or_else(|e| fail(e)));
    let admin_token = secret_from_env(&cfg.admin_token_env).unwrap_or_else(|e| fail(e));
    let internal_token = secret_from_env(&cfg.internal_token_env).unwrap_or_else(|e| fail(e));
    let keys = Arc::new(KeyStore::load(&cfg.keys_file).unwrap_or_else(|e| fail(format!("keys: {e}"))));
    let access_log = Arc::new(AccessLog::open(&cfg.access_log).unwrap_or_else(|e| fail(format!("access log: {e}"))));
    let upstreams = Arc::new(UpstreamSelector::new(&cfg.routes));

    let mut server = Server::new(Some(opt)).unwrap_or_else(|e| fail(e));
    server.bootstrap();

    let mut proxy = http_proxy_service(
        &server.configuration,
        EdgeProxy {
            cfg: cfg.clone(),
            keys: keys.clone(),
            limiter: Arc::new(RateLimiter::new()),
            upstreams: upstreams.clone(),
            access_log,
            internal_token,
        },
    );
    proxy.add_tcp(&cfg.listen);

    let mut admin = Service::new(
        "edge-admin".to_string(),
        AdminApp { admin_token, keys, keys_file: cfg.keys_file.clone(), upstreams },
    );
    admin.add_tcp(&cfg.admin_listen);

    server.add_service(proxy);
    server.add_service(admin);
    info!("edge listening on {} (admin {}) using {}", cfg.listen, cfg.admin_listen, path.display());
    server.run_forever();
}
