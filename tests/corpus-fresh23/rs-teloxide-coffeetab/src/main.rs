use std::sync::Arc;

use coffee_tab::commands::{AdminCommand, MaintenanceCommand, UserCommand};
use coffee_tab::config::{Config, TELOXIDE_TOKEN_ENV};
use coffee_tab::dialogue::{self, State};
use coffee_tab::handlers::{admin, is_admin, user};
use coffee_tab::payments::{PayBox, PaymentProvider};
use coffee_tab::storage::Storage;
use coffee_tab::Db;
use teloxide::dispatching::dialogue::InMemStorage;
use teloxide::dispatching::{HandlerExt, UpdateFilterExt, UpdateHandler};
use teloxide::prelude::*;
use tokio::sync::Mutex;

type Error = Box<dyn std::error::Error + Send + Sync + 'static>;

fn schema() -> UpdateHandler<Error> {
    use dptree::case;

    let commands = Update::filter_message()
        .branch(dptree::entry().filter_command::<UserCommand>().endpoint(user::handle))
        .branch(dptree::filter_async(is_admin).filter_command::<AdminCommand>().endpoint(admin::handle))
        .branch(dptree::entry().filter_command::<MaintenanceCommand>().endpoint(admin::maintenance));

    let dialogue_messages = Update::filter_message()
        .branch(case![State::AwaitingAmount].endpoint(dialogue::receive_amount));

    let callbacks = Update::filter_callback_query()
        .filter(|q: CallbackQuery| q.data.as_deref() == Some("topup:check"))
        .branch(case![State::AwaitingPayment { payment_id, amount_cents, prompt }].endpoint(dialogue::confirm_payment));

    teloxide::dispatching::dialogue::enter::<Update, InMemStorage<State>, State, _>()
        .branch(commands)
        .branch(dialogue_messages)
        .branch(callbacks)
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    pretty_env_logger::init();
    let cfg = Arc::new(Config::from_env());

    let token = std::env::var(TELOXIDE_TOKEN_ENV).map_err(|_| format!("{TELOXIDE_TOKEN_ENV} is not set"))?;
    let http = teloxide::net::default_reqwest_settings()
        .https_only(true)
        .min_tls_version(reqwest::tls::Version::TLS_1_2)
        .build()?;
    let bot = Bot::with_client(token, http);

    let db: Db = Arc::new(Mutex::new(Storage::open(&cfg.db_path)?));
    let payments: Arc<dyn PaymentProvider> = Arc::new(PayBox::new(&cfg)?);

    log::info!("coffee tab bot starting, database at {}", cfg.db_path.display());
    Dispatcher::builder(bot, schema())
        .dependencies(dptree::deps![cfg, db, payments, InMemStorage::<State>::new()])
        .default_handler(|upd| async move { log::debug!("unhandled update: {:?}", upd.id) })
        .error_handler(LoggingErrorHandler::with_custom_text("handler failed"))
        .enable_ctrlc_handler()
        .build()
        .dispatch()
        .await;
    Ok(())
}
