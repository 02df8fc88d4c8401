use std::sync::Arc;

use coworkbot::{
    commands::UserCommand,
    config::Config,
    handlers::{schema, BookingState},
    payments::{PaymentGateway, PaymentsClient},
    storage::Storage,
};
use teloxide::{
    dispatching::dialogue::InMemStorage, error_handlers::LoggingErrorHandler, prelude::*,
    utils::command::BotCommands,
};

#[tokio::main]
async fn main() {
    pretty_env_logger::init();

    let cfg = match Config::from_env() {
        Ok(cfg) => Arc::new(cfg),
        Err(err) => {
            log::error!("invalid configuration: {err:#}");
            std::process::exit(1);
        }
    };
    let storage = Arc::new(Storage::open(&cfg.db_path).expect("open sqlite database"));
    let payments: Arc<dyn PaymentGateway> = Arc::new(
        PaymentsClient::new(&cfg.payments_base_url, &cfg.payments_api_key)
            .expect("build payments client"),
    );

    let bot = Bot::new(&cfg.bot_token);
    if let Err(err) = bot.set_my_commands(UserCommand::bot_commands()).await {
        log::warn!("could not publish the command list: {err}");
    }

    log::info!("coworkbot starting");
    Dispatcher::builder(bot, schema())
        .dependencies(dptree::deps![
            InMemStorage::<BookingState>::new(),
            cfg,
            storage,
            payments
        ])
        .default_handler(|upd| async move {
            log::debug!("unhandled update: {:?}", upd.kind);
        })
        .error_handler(LoggingErrorHandler::with_custom_text("handler failed"))
        .enable_ctrlc_handler()
        .build()
        .dispatch()
        .await;
}
