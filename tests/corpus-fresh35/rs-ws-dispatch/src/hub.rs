use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, RwLock};

use crate::frames::Outbound;

const CHANNEL_CAPACITY: usize = 512;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Position {
    pub technician: String,
    pub lat: f64,
    pub lon: f64,
    pub at: i64,
}

#[derive(Default)]
pub struct Hub {
    regions: RwLock<HashMap<String, broadcast::Sender<Outbound>>>,
    positions: RwLock<HashMap<String, Position>>,
}

impl Hub {
    pub async fn subscribe(&self, region: &str) -> broadcast::Receiver<Outbound> {
        if let Some(tx) = self.regions.read().await.get(region) {
            return tx.subscribe();
        }
        let mut regions = self.regions.write().await;
        regions.entry(region.to_string()).or_insert_with(|| broadcast::channel(CHANNEL_CAPACITY).0).subscribe()
    }

    pub async fn publish(&self, region: &str, event: Outbound) {
        if let Some(tx) = self.regions.read().await.get(region) {
            // Err only means nobody is subscribed to this region right now.
            let _ = tx.send(event);
        }
    }

    pub async fn update_position(&self, position: Position) {
        self.positions.write().await.insert(position.technician.clone(), position);
    }

    pub async fn save_positions(&self, path: &Path) -> std::io::Result<()> {
        let snapshot: Vec<Position> = self.positions.read().await.values().cloned().collect();
        let tmp = path.with_extension("tmp");
        tokio::fs::write(&tmp, serde_json::to_vec(&snapshot)?).await?;
        tokio::fs::rename(&tmp, path).await
    }

    pub async fn load_positions(&self, path: &Path) -> std::io::Result<usize> {
        let raw = match tokio::fs::read(path).await {
            Ok(raw) => raw,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        let snapshot: Vec<Position> = serde_json::from_slice(&raw)?;
        let mut positions = self.positions.write().await;
        for p in snapshot {
            positions.insert(p.technician.clone(), p);
        }
        Ok(positions.len())
    }
}
