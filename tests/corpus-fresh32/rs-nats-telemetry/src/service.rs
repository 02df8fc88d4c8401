use std::{sync::Arc, time::{SystemTime, UNIX_EPOCH}};

use async_nats::{
    jetstream::kv,
    service::{error::Error as ServiceError, Request, ServiceExt},
};
use bytes::Bytes;
use futures::{stream::select_all, StreamExt};
use serde::Deserialize;

use crate::{
    auth::{self, AuthError, DEVICE_ID_HEADER, DEVICE_SIG_HEADER},
    config::Config,
    state::{self, DeviceState},
    store::Store,
};

pub struct Ctx {
    pub client: async_nats::Client,
    pub kv: kv::Store,
    pub store: Arc<Store>,
    pub config: Config,
}

fn err(code: usize, status: impl Into<String>) -> ServiceError {
    ServiceError { status: status.into(), code }
}

impl From<AuthError> for ServiceError {
    fn from(e: AuthError) -> Self {
        err(e.code(), e.to_string())
    }
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or_default()
}

#[derive(Deserialize)]
struct DeviceRef {
    device_id: String,
}

#[derive(Deserialize)]
struct ConfigChange {
    device_id: String,
    sample_interval_s: u32,
    revision: u64,
}

/// Authenticates a device-originated request by its HMAC signature.
fn verify_device(ctx: &Ctx, req: &Request) -> Result<String, ServiceError> {
    let headers = req.message.headers.as_ref();
    let device_id = auth::header(headers, DEVICE_ID_HEADER)?.to_owned();
    let sig = auth::header(headers, DEVICE_SIG_HEADER)?;
    let key = ctx
        .store
        .device_key(&device_id)
        .map_err(|e| err(500, format!("store: {e}")))?
        .ok_or_else(|| err(404, "unknown device"))?;
    auth::verify_device_signature(&key, &req.message.payload, sig)?;
    Ok(device_id)
}

fn operator(ctx: &Ctx, req: &Request) -> Result<(), ServiceError> {
    Ok(auth::require_operator(req.message.headers.as_ref(), &ctx.config.operator_token)?)
}

async fn dispatch(ctx: &Ctx, name: &str, req: &Request) -> Result<Bytes, ServiceError> {
    match name {
        // Liveness for the site gateways; carries no data.
        "telemetry.ping" => Ok(Bytes::from_static(b"pong")),
        // Devices read their own state; the signature proves which device is asking.
        "device.state.get" => {
            let device_id = verify_device(ctx, req)?;
            let current = state::get_state(&ctx.kv, &device_id).await.map_err(|e| err(500, e.to_string()))?;
            Ok(serde_json::to_vec(&current.map(|(s, _)| s)).unwrap_or_default().into())
        }
        "device.reboot" => {
            operator(ctx, req)?;
            let target: DeviceRef = serde_json::from_slice(&req.message.payload).map_err(|e| err(400, e.to_string()))?;
            ctx.client
                .publish(format!("devices.{}.cmd", target.device_id), Bytes::from_static(b"{\"cmd\":\"reboot\"}"))
                .await
                .map_err(|e| err(503, e.to_string()))?;
            Ok(Bytes::from_static(b"{\"queued\":true}"))
        }
        "device.config.set" => {
            operator(ctx, req)?;
            let change: ConfigChange = serde_json::from_slice(&req.message.payload).map_err(|e| err(400, e.to_string()))?;
            let (mut current, _) = state::get_state(&ctx.kv, &change.device_id)
                .await
                .map_err(|e| err(500, e.to_string()))?
                .ok_or_else(|| err(404, "no state for device"))?;
            current.sample_interval_s = change.sample_interval_s.clamp(5, 3600);
            let rev = state::put_state(&ctx.kv, &change.device_id, &current, change.revision)
                .await
                .map_err(|e| err(409, e.to_string()))?;
            Ok(format!("{{\"revision\":{rev}}}").into())
        }
        "device.decommission" => {
            let target: DeviceRef = serde_json::from_slice(&req.message.payload).map_err(|e| err(400, e.to_string()))?;
            let done = ctx.store.decommission(&target.device_id, now()).map_err(|e| err(500, e.to_string()))?;
            ctx.kv.delete(&target.device_id).await.map_err(|e| err(500, e.to_string()))?;
            Ok(format!("{{\"decommissioned\":{done}}}").into())
        }
        "device.firmware.rollback" => {
            operator(ctx, req)?;
            todo!("firmware rollback via the OTA bucket")
        }
        other => Err(err(404, format!("no handler for {other}"))),
    }
}

pub async fn run(ctx: Arc<Ctx>) -> anyhow::Result<()> {
    let service = ctx
        .client
        .service_builder()
        .description("Device telemetry and control")
        .queue_group(&ctx.config.service.queue_group)
        .stats_handler(|_endpoint, stats| serde_json::json!({ "requests": stats.requests, "errors": stats.errors }))
        .start("telemetry", env!("CARGO_PKG_VERSION"))
        .await
        .map_err(|e| anyhow::anyhow!(e))?;

    let telemetry = service.group("telemetry");
    let device = service.group("device");
    let mut endpoints = Vec::new();
    for (group, subject, name) in [
        (&telemetry, "ping", "telemetry.ping"),
        (&device, "state.get", "device.state.get"),
        (&device, "reboot", "device.reboot"),
        (&device, "config.set", "device.config.set"),
        (&device, "decommission", "device.decommission"),
        (&device, "firmware.rollback", "device.firmware.rollback"),
    ] {
        let ep = group.endpoint(subject).await.map_err(|e| anyhow::anyhow!(e))?;
        endpoints.push(ep.map(move |req| (name, req)).boxed());
    }

    let mut requests = select_all(endpoints);
    while let Some((name, request)) = requests.next().await {
        let ctx = ctx.clone();
        tokio::spawn(async move {
            let result = dispatch(&ctx, name, &request).await;
            if let Err(e) = &result {
                tracing::info!(endpoint = name, code = e.code, status = %e.status, "request rejected");
            }
            if let Err(e) = request.respond(result).await {
                tracing::warn!(endpoint = name, error = %e, "failed to send reply");
            }
        });
    }
    Ok(())
}
