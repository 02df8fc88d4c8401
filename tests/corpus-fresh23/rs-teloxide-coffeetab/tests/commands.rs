use coffee_tab::commands::{AdminCommand, MaintenanceCommand, UserCommand};
use coffee_tab::dialogue::parse_amount;
use coffee_tab::format_money;
use teloxide::utils::command::BotCommands;

const BOT_NAME: &str = "coffee_tab_bot";

#[test]
fn parses_buy_with_quantity() {
    let cmd = UserCommand::parse("/buy latte 2", BOT_NAME).unwrap();
    assert_eq!(cmd, UserCommand::Buy { item: "latte".into(), qty: 2 });
}

#[test]
fn parses_addressed_commands() {
    let cmd = UserCommand::parse("/balance@coffee_tab_bot", BOT_NAME).unwrap();
    assert_eq!(cmd, UserCommand::Balance);
}

#[test]
fn admin_and_maintenance_commands_are_separate() {
    assert!(UserCommand::parse("/setprice latte 300", BOT_NAME).is_err());
    assert_eq!(
        AdminCommand::parse("/setprice latte 300", BOT_NAME).unwrap(),
        AdminCommand::SetPrice { item: "latte".into(), cents: 300 }
    );
    assert_eq!(MaintenanceCommand::parse("/vacuum", BOT_NAME).unwrap(), MaintenanceCommand::Vacuum);
}

#[test]
fn parses_amounts() {
    assert_eq!(parse_amount("10"), Some(1000));
    assert_eq!(parse_amount("12,50 €"), Some(1250));
    assert_eq!(parse_amount("-3"), None);
    assert_eq!(parse_amount("9999"), None);
}

#[test]
fn formats_money_with_symbol() {
    assert_eq!(format_money(350, "EUR"), "3.50 €");
    assert_eq!(format_money(-120, "GBP"), "-1.20 £");
    assert_eq!(format_money(5, "CHF"), "0.05 CHF");
}
