use teloxide::utils::command::BotCommands;

#[derive(BotCommands, Clone, Debug, PartialEq)]
#[command(rename_rule = "lowercase", description = "Coffee tab commands:")]
pub enum UserCommand {
    #[command(description = "register and show this help")]
    Start,
    #[command(description = "show this help")]
    Help,
    #[command(description = "show your balance")]
    Balance,
    #[command(description = "record a purchase, e.g. /buy latte 2", parse_with = "split")]
    Buy { item: String, qty: u32 },
    #[command(description = "list prices")]
    Prices,
    #[command(description = "top up your tab by card")]
    TopUp,
    #[command(description = "your last ten entries")]
    History,
    #[command(description = "receipt for your last top-up")]
    Receipt,
    #[command(description = "claim admin rights with the bootstrap code")]
    ClaimAdmin(String),
    #[command(description = "abort the current top-up")]
    Cancel,
}

#[derive(BotCommands, Clone, Debug, PartialEq)]
#[command(rename_rule = "lowercase", description = "Admin commands:")]
pub enum AdminCommand {
    #[command(description = "set a price in cents, e.g. /setprice latte 350", parse_with = "split")]
    SetPrice { item: String, cents: i64 },
    #[command(description = "adjust a user's balance in cents", parse_with = "split")]
    Adjust { user_id: i64, cents: i64 },
    #[command(description = "totals for this month")]
    Stats,
    #[command(description = "export the ledger as CSV")]
    Export,
    #[command(description = "write a database backup")]
    Backup,
}

#[derive(BotCommands, Clone, Debug, PartialEq)]
#[command(rename_rule = "lowercase", description = "Maintenance:")]
pub enum MaintenanceCommand {
    #[command(description = "compact the database")]
    Vacuum,
    #[command(description = "remove users with zero balance and no activity for a year")]
    PruneUsers,
    #[command(description = "reset all balances to zero at the end of the season")]
    ResetBalances,
}
