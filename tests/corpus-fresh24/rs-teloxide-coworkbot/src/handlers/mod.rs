pub mod admin;
pub mod booking;
pub mod user;

use std::sync::Arc;

use chrono::NaiveDate;
use teloxide::{
    dispatching::{dialogue, dialogue::InMemStorage, UpdateHandler},
    prelude::*,
};

use crate::{
    commands::{AdminCommand, MaintenanceCommand, UserCommand},
    config::Config,
    storage::Storage,
};

pub type HandlerError = Box<dyn std::error::Error + Send + Sync + 'static>;
pub type HandlerResult = Result<(), HandlerError>;
pub type BookingDialogue = Dialogue<BookingState, InMemStorage<BookingState>>;

#[derive(Clone, Debug, Default)]
pub enum BookingState {
    #[default]
    Idle,
    ChoosingDay,
    ChoosingZone {
        day: NaiveDate,
    },
    Confirming {
        day: NaiveDate,
        zone: String,
    },
}

pub fn is_admin(msg: Message, cfg: Arc<Config>, storage: Arc<Storage>) -> bool {
    let Some(user) = msg.from() else {
        return false;
    };
    cfg.admin_ids.contains(&user.id) || storage.is_staff(user.id.0).unwrap_or(false)
}

fn not_banned(msg: Message, storage: Arc<Storage>) -> bool {
    let Some(user) = msg.from() else {
        return true;
    };
    match storage.is_banned(user.id.0) {
        Ok(banned) => !banned,
        Err(err) => {
            log::error!("ban lookup failed for {}: {err}", user.id);
            false
        }
    }
}

pub fn schema() -> UpdateHandler<HandlerError> {
    use dptree::case;

    let user_commands = teloxide::filter_command::<UserCommand, _>()
        .branch(case![UserCommand::Start].endpoint(user::start))
        .branch(case![UserCommand::Help].endpoint(user::help))
        .branch(case![UserCommand::Book].endpoint(booking::start_booking))
        .branch(case![UserCommand::Mine].endpoint(user::my_bookings))
        .branch(case![UserCommand::Cancel(id)].endpoint(user::cancel))
        .branch(case![UserCommand::Invoice(id)].endpoint(user::invoice))
        .branch(case![UserCommand::Abort].endpoint(booking::abort))
        .branch(case![UserCommand::Elevate(code)].endpoint(user::elevate));

    let admin_commands = teloxide::filter_command::<AdminCommand, _>()
        .filter(is_admin)
        .endpoint(admin::handle_admin_command);

    let maintenance_commands =
        teloxide::filter_command::<MaintenanceCommand, _>().endpoint(admin::handle_maintenance);

    let message_handler = Update::filter_message()
        .filter(not_banned)
        .branch(user_commands)
        .branch(admin_commands)
        .branch(maintenance_commands)
        .branch(dptree::endpoint(user::fallback));

    let callback_handler = Update::filter_callback_query()
        .branch(case![BookingState::ChoosingDay].endpoint(booking::receive_day))
        .branch(case![BookingState::ChoosingZone { day }].endpoint(booking::receive_zone))
        .branch(
            case![BookingState::Confirming { day, zone }].endpoint(booking::receive_confirmation),
        )
        .branch(dptree::endpoint(booking::check_payment));

    dialogue::enter::<Update, InMemStorage<BookingState>, BookingState, _>()
        .branch(message_handler)
        .branch(callback_handler)
}
