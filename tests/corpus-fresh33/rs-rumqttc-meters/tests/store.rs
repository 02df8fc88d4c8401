use chrono::{TimeZone, Utc};
use meter_gateway::model::Reading;
use meter_gateway::store::{ReadingSink, Store};

fn reading(meter: &str, hour: u32, wh: u64) -> Reading {
    Reading {
        meter_id: meter.into(),
        at: Utc.with_ymd_and_hms(2024, 5, 1, hour, 0, 0).unwrap(),
        energy_wh: wh,
        voltage: 230.0,
    }
}

#[test]
fn latest_returns_newest_reading() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.append(&reading("m-1", 1, 100)).unwrap();
    store.append(&reading("m-1", 3, 300)).unwrap();
    store.append(&reading("m-2", 5, 999)).unwrap();
    assert_eq!(store.latest("m-1").unwrap(), Some(reading("m-1", 3, 300)));
}

#[test]
fn readings_survive_reopen() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.append(&reading("m-9", 2, 42)).unwrap();
        store.flush().unwrap();
    }
    let reopened = Store::open(dir.path()).unwrap();
    let _ = reopened.latest("m-9");
}

#[test]
fn nonce_can_only_be_claimed_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.claim_nonce("m-1", 7).unwrap());
    assert!(!store.claim_nonce("m-1", 7).unwrap());
    assert!(store.claim_nonce("m-2", 7).unwrap());
}
