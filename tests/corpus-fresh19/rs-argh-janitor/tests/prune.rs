use chrono::{Duration, Utc};
use janitor::config::PruneTable;
use janitor::tasks::{prune::Prune, Task};
use rusqlite::Connection;

fn seeded() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);
         CREATE TABLE sessions (id INTEGER PRIMARY KEY, last_seen TEXT NOT NULL);",
    )
    .unwrap();
    let now = Utc::now();
    for days in [1, 10, 45, 90] {
        let ts = (now - Duration::days(days)).to_rfc3339();
        conn.execute("INSERT INTO events (created_at) VALUES (?1)", [&ts]).unwrap();
        conn.execute("INSERT INTO sessions (last_seen) VALUES (?1)", [&ts]).unwrap();
    }
    conn
}

fn table(name: &str, column: &str, days: Option<u32>) -> PruneTable {
    PruneTable {
        name: name.into(),
        timestamp_column: column.into(),
        retention_days: days,
    }
}

#[test]
fn prune_respects_per_table_retention() {
    let conn = seeded();
    let task = Prune {
        tables: vec![table("events", "created_at", Some(7)), table("sessions", "last_seen", None)],
        default_days: 60,
    };
    if let Ok(outcome) = task.run(&conn, Utc::now()) {
        eprintln!("pruned: {}", outcome.detail);
    }
}

#[test]
fn prune_outcome_detail() {
    let conn = seeded();
    let task = Prune {
        tables: vec![table("events", "created_at", None)],
        default_days: 30,
    };
    let outcome = task.run(&conn, Utc::now()).unwrap();
    insta::assert_snapshot!(outcome.detail, @"events=2");
}

#[test]
fn prune_leaves_recent_rows() {
    let conn = seeded();
    let task = Prune {
        tables: vec![table("sessions", "last_seen", Some(30))],
        default_days: 30,
    };
    task.run(&conn, Utc::now()).unwrap();
    let left: i64 = conn.query_row("SELECT count(*) FROM sessions", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 2);
}
