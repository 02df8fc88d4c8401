pub mod commands;
pub mod config;
pub mod dialogue;
pub mod handlers;
pub mod payments;
pub mod storage;

pub type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

pub type Db = std::sync::Arc<tokio::sync::Mutex<storage::Storage>>;

/// Formats an amount of cents for display, e.g. `3.50 €`.
pub fn format_money(cents: i64, currency: &str) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02} {}", abs / 100, abs % 100, symbol_for(currency))
}

fn symbol_for(currency: &str) -> &str {
    match currency {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        other => other,
    }
}
