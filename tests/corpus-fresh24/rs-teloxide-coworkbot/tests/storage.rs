use chrono::NaiveDate;
use coworkbot::storage::{Booking, Storage};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("valid date")
}

fn assert_booking(b: &Booking, user_id: u64, zone: &str, status: &str) {
    assert_eq!(b.user_id, user_id, "user id");
    assert_eq!(b.zone, zone, "zone");
    assert_eq!(b.status, status, "status");
}

#[test]
fn creates_booking() {
    let storage = Storage::open_in_memory().unwrap();
    storage
        .create_booking(42, 42, day("2024-06-03"), "quiet", 1500)
        .unwrap();
}

#[test]
fn lists_bookings_for_user_in_day_order() {
    let storage = Storage::open_in_memory().unwrap();
    storage
        .create_booking(42, 42, day("2024-06-05"), "open", 1500)
        .unwrap();
    storage
        .create_booking(42, 42, day("2024-06-03"), "quiet", 1500)
        .unwrap();
    storage
        .create_booking(7, 7, day("2024-06-04"), "quiet", 1500)
        .unwrap();

    let mine = storage.bookings_for_user(42).unwrap();
    assert_eq!(
        mine.iter().map(|b| b.day).collect::<Vec<_>>(),
        vec![day("2024-06-03"), day("2024-06-05")]
    );
}

#[test]
fn marks_booking_paid() {
    let storage = Storage::open_in_memory().unwrap();
    let id = storage
        .create_booking(42, 42, day("2024-06-03"), "open", 1500)
        .unwrap();
    storage.attach_charge(id, "ch_123").unwrap();
    storage.mark_paid(id, "ch_123").unwrap();
    assert_booking(&storage.booking(id).unwrap().unwrap(), 42, "open", "paid");
}

#[test]
fn mark_paid_rejects_wrong_charge() {
    let storage = Storage::open_in_memory().unwrap();
    let id = storage
        .create_booking(42, 42, day("2024-06-03"), "open", 1500)
        .unwrap();
    storage.attach_charge(id, "ch_123").unwrap();
    assert!(storage.mark_paid(id, "ch_999").is_err());
}

#[test]
fn staff_and_bans_roundtrip() {
    let storage = Storage::open_in_memory().unwrap();
    storage.add_staff(7, "Lena").unwrap();
    storage.ban(9).unwrap();
    assert!(storage.is_staff(7).unwrap());
    assert!(!storage.is_staff(9).unwrap());
    assert!(storage.is_banned(9).unwrap());
}
