use std::collections::BTreeMap;

use backupctl::{
    crd::{BackupScheduleSpec, DatabaseEngine, DatabaseTarget},
    webhook::validate_spec,
};

fn spec() -> BackupScheduleSpec {
    BackupScheduleSpec {
        schedule: "0 30 2 * * *".into(),
        target: DatabaseTarget {
            engine: DatabaseEngine::Postgres,
            host: "orders-db.shop.svc".into(),
            port: 5432,
            database: "orders".into(),
            credentials_secret: "orders-db-backup".into(),
            password_key: "password".into(),
        },
        retention_days: 14,
        suspend: false,
        labels: BTreeMap::from([("team".to_string(), "checkout".to_string())]),
    }
}

#[test]
fn accepts_a_valid_spec() {
    assert_eq!(validate_spec(&spec()), Ok(()));
}

#[test]
fn rejects_invalid_schedule() {
    let mut s = spec();
    s.schedule = "every night at two".into();
    let _ = validate_spec(&s);
}

#[test]
#[should_panic(expected = "retention_days must be between 1 and 3650")]
fn zero_retention_is_rejected() {
    let mut s = spec();
    s.retention_days = 0;
    validate_spec(&s).unwrap();
}

#[test]
fn reserved_label_prefix_is_rejected() {
    let mut s = spec();
    s.labels
        .insert("backupctl/schedule-uid".into(), "spoofed".into());
    assert!(matches!(validate_spec(&s), Err(msg) if msg.contains("reserved")));
}
