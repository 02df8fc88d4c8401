use coffee_tab::storage::{Storage, StorageError};

fn tab_with_prices() -> Storage {
    let tab = Storage::open_in_memory().expect("in-memory db");
    tab.ensure_user(42, "Grace").unwrap();
    tab.ensure_user(7, "Linus").unwrap();
    tab.set_price("latte", 350).unwrap();
    tab.set_price("espresso", 220).unwrap();
    tab
}

fn assert_balance(tab: &Storage, user_id: i64, expected_cents: i64) {
    let actual = tab.balance(user_id).expect("balance query");
    assert_eq!(actual, expected_cents, "balance of user {user_id}");
}

#[test]
fn new_user_starts_at_zero() {
    let tab = tab_with_prices();
    assert_balance(&tab, 42, 0);
}

#[test]
fn purchase_is_recorded() {
    let tab = tab_with_prices();
    let _ = tab.record_purchase(42, "latte", 2);
}

#[test]
fn topup_then_espresso() {
    let tab = tab_with_prices();
    tab.credit(42, 1000, "pay_1").unwrap();
    tab.record_purchase(42, "espresso", 1).unwrap();
    assert_balance(&tab, 42, 780);
}

#[test]
fn unknown_item_is_reported() {
    let tab = tab_with_prices();
    let err = tab.record_purchase(42, "matcha", 1).unwrap_err();
    assert!(matches!(err, StorageError::UnknownItem(ref item) if item == "matcha"));
}

#[test]
#[should_panic(expected = "UNIQUE constraint failed")]
fn payment_cannot_be_credited_twice() {
    let tab = tab_with_prices();
    tab.credit(42, 500, "pay_dup").unwrap();
    tab.credit(42, 500, "pay_dup").unwrap();
}

#[test]
fn season_reset_zeroes_everyone() {
    let tab = tab_with_prices();
    tab.credit(42, 1000, "pay_a").unwrap();
    tab.adjust(7, -300, 1).unwrap();
    tab.reset_balances().unwrap();
    assert_balance(&tab, 42, 0);
    assert_balance(&tab, 7, 0);
}

#[test]
fn backup_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let tab = tab_with_prices();
    tab.credit(42, 1234, "pay_b").unwrap();
    let path = dir.path().join("tab.sqlite3");
    tab.backup_to(&path).unwrap();

    let restored = Storage::open(&path).unwrap();
    assert_balance(&restored, 42, 1234);
}
