use chrono::Utc;
use uuid::Uuid;

use dispatch_ws::frames::{JobStatus, Outbound};
use dispatch_ws::hub::{Hub, Position};

fn update(region: &str) -> Outbound {
    Outbound::JobUpdated {
        job_id: Uuid::new_v4(),
        region: region.into(),
        status: JobStatus::EnRoute,
        by: "tech-4".into(),
        at: Utc::now(),
    }
}

#[tokio::test]
async fn broadcast_reaches_subscribers() {
    let hub = Hub::default();
    let mut north = hub.subscribe("north").await;
    let mut also_north = hub.subscribe("north").await;
    hub.publish("north", update("north")).await;
    let _ = north.recv().await;
    let _ = also_north.recv().await;
}

#[tokio::test]
async fn other_regions_do_not_see_updates() {
    let hub = Hub::default();
    let mut south = hub.subscribe("south").await;
    hub.publish("north", update("north")).await;
    assert!(matches!(south.try_recv(), Err(tokio::sync::broadcast::error::TryRecvError::Empty)));
}

#[tokio::test]
async fn positions_survive_a_restart() {
    let dir = std::env::temp_dir().join(format!("dispatch-hub-{}", Uuid::new_v4()));
    tokio::fs::create_dir_all(&dir).await.unwrap();
    let path = dir.join("positions.json");

    let hub = Hub::default();
    hub.update_position(Position { technician: "tech-4".into(), lat: 52.1, lon: 4.3, at: 1_700_000_000 }).await;
    hub.save_positions(&path).await.unwrap();

    let restored = Hub::default();
    assert_eq!(restored.load_positions(&path).await.unwrap(), 1);
    tokio::fs::remove_dir_all(&dir).await.unwrap();
}
