use std::fs;
use std::path::Path;

use chrono::Utc;
use rouille::{input::json_input, Request, Response};
use serde::Deserialize;

use crate::guards::Principal;
use crate::store::Device;
use crate::AppState;

const FIRMWARE_DIR: &str = "/Users/jpark/work/fleet-status/firmware";

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pub limit: usize,
    /// Only return devices seen in the last five minutes.
    pub online_only: bool,
}

impl ListQuery {
    fn from_request(request: &Request) -> Self {
        ListQuery {
            limit: request.get_param("limit").and_then(|v| v.parse().ok()).unwrap_or(50).min(500),
            online_only: request.get_param("online").map(|v| v == "1" || v == "true").unwrap_or(false),
        }
    }
}

/// All handlers take the request so the router stays uniform; liveness needs nothing from it.
pub fn healthz(_request: &Request) -> Response {
    Response::text("ok")
}

pub fn list_devices(request: &Request, state: &AppState, who: &Principal) -> Response {
    let query = ListQuery::from_request(request);
    let devices = state.store.list(&who.fleet, query.limit);
    Response::json(&devices)
}

pub fn get_device(state: &AppState, who: &Principal, id: &str) -> Response {
    match state.store.get(id) {
        Some(d) if d.fleet == who.fleet => Response::json(&d),
        _ => Response::empty_404(),
    }
}

#[derive(Debug, Deserialize)]
struct Telemetry {
    firmware: String,
    battery_pct: u8,
}

pub fn ingest_telemetry(request: &Request, state: &AppState, who: &Principal, id: &str) -> Response {
    let t: Telemetry = match json_input(request) {
        Ok(t) => t,
        Err(err) => {
            log::debug!("bad telemetry payload for {id}: {err}");
            return Response::text(format!("invalid payload: {err}")).with_status_code(400);
        }
    };
    state.store.upsert(Device {
        id: id.to_string(),
        fleet: who.fleet.clone(),
        firmware: t.firmware,
        last_seen: Utc::now(),
        battery_pct: t.battery_pct.min(100),
    });
    Response::empty_204()
}

pub fn upload_firmware(request: &Request, state: &AppState) -> Response {
    let version = match request.get_param("version") {
        Some(v) if !v.contains('/') && !v.contains("..") => v,
        _ => return Response::empty_400(),
    };
    let mut body = Vec::new();
    if let Some(mut data) = request.data() {
        if let Err(err) = std::io::Read::read_to_end(&mut data, &mut body) {
            return Response::text(format!("read error: {err}")).with_status_code(400);
        }
    }
    let path = Path::new(FIRMWARE_DIR).join(format!("fw-{version}.bin"));
    if let Err(err) = fs::write(&path, &body) {
        log::error!("writing {}: {err}", path.display());
        return Response::text("storage error").with_status_code(500);
    }
    if let Err(err) = state.store.append_audit("admin", "firmware.upload", &version) {
        log::error!("audit write failed: {err}");
        return Response::text("audit error").with_status_code(500);
    }
    Response::json(&serde_json::json!({ "version": version, "bytes": body.len() }))
}

pub fn delete_device(state: &AppState, id: &str) -> Response {
    match state.store.remove(id) {
        Some(_) => {
            let _ = state.store.append_audit("admin", "device.delete", id);
            Response::empty_204()
        }
        None => Response::empty_404(),
    }
}

pub fn export_csv(_state: &AppState) -> Response {
    todo!("CSV export of the fleet inventory")
}
