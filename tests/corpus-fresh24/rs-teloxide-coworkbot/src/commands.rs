use teloxide::utils::command::BotCommands;

#[derive(BotCommands, Clone, Debug, PartialEq)]
#[command(rename_rule = "lowercase", description = "Desk booking commands:")]
pub enum UserCommand {
    #[command(description = "welcome message")]
    Start,
    #[command(description = "show this help")]
    Help,
    #[command(description = "book a desk")]
    Book,
    #[command(description = "list your upcoming bookings")]
    Mine,
    #[command(description = "cancel a booking: /cancel <id>")]
    Cancel(i64),
    #[command(description = "get a PDF invoice: /invoice <booking id>")]
    Invoice(i64),
    #[command(description = "abandon the booking in progress")]
    Abort,
    #[command(description = "join the staff list: /elevate <invite code>")]
    Elevate(String),
}

#[derive(BotCommands, Clone, Debug, PartialEq)]
#[command(rename_rule = "lowercase", description = "Staff commands:")]
pub enum AdminCommand {
    #[command(description = "today's occupancy")]
    Stats,
    #[command(description = "message every member: /broadcast <text>")]
    Broadcast(String),
    #[command(description = "refund a booking: /refund <booking id>")]
    Refund(i64),
    #[command(description = "block a user: /ban <telegram user id>")]
    Ban(u64),
}

#[derive(BotCommands, Clone, Debug, PartialEq)]
#[command(rename_rule = "lowercase", description = "Maintenance:")]
pub enum MaintenanceCommand {
    #[command(description = "snapshot the database")]
    Backup,
    #[command(description = "delete bookings older than N days: /purge <days>")]
    Purge(u32),
}
