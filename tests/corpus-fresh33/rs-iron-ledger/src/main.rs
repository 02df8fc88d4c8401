use iron::Iron;

use ledger::config::Config;
use ledger::{build_handler, db, fx::FxClient};

fn main() {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();

    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("configuration error: {}", err);
            std::process::exit(2);
        }
    };
    let pool = db::connect(&config).expect("database pool");
    let fx = FxClient::new(&config).expect("fx client");
    let chain = build_handler(&config, pool, fx);

    log::info!("ledger listening on {}", config.bind);
    Iron::new(chain)
        .http(config.bind.as_str())
        .expect("bind http listener");
}
