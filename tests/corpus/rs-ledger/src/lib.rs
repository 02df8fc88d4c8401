//! Double-entry ledger with a remote settlement client.
pub mod auth;
pub mod client;
pub mod store;

pub use store::{Entry, Ledger};

pub fn post_transfer(ledger: &mut Ledger, from: &str, to: &str, cents: i64, token: &str) -> Result<(), String> {
    if !auth::verify_mac(format!("{from}:{to}:{cents}").as_bytes(), token) {
        return Err("bad token".into());
    }
    ledger.append(Entry::new(from, -cents));
    ledger.append(Entry::new(to, cents));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_balanced(ledger: &Ledger) {
        let sum: i64 = ledger.entries().iter().map(|e| e.cents).sum();
        assert_eq!(sum, 0, "ledger must balance");
    }

    #[test]
    fn transfer_keeps_ledger_balanced() {
        let mut ledger = Ledger::default();
        ledger.append(Entry::new("a", 100));
        ledger.append(Entry::new("b", -100));
        assert_balanced(&ledger);
    }

    #[test]
    fn recent_entries_window() {
        let mut ledger = Ledger::default();
        ledger.append(Entry::new("a", 5));
        let _ = ledger.recent("a", std::time::Duration::from_secs(60));
    }
}
