use std::sync::Arc;

use chrono::Utc;
use rumqttc::{AsyncClient, QoS};
use serde_json::json;
use thiserror::Error;
use tracing::{debug, info};

use crate::auth::{Action, AuthError, DeviceKeys, OperatorAcl};
use crate::model::{CommandEnvelope, Reading, Tariff};
use crate::store::{ReadingSink, Store, StoreError};

#[derive(Debug, Error)]
pub enum DispatchError {
    #[error("unrecognised topic {0}")]
    BadTopic(String),
    #[error("unknown command {0}")]
    UnknownCommand(String),
    #[error("malformed payload: {0}")]
    Payload(#[from] serde_json::Error),
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error("replayed nonce")]
    Replay,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("mqtt: {0}")]
    Mqtt(#[from] rumqttc::ClientError),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Device,
    Operator(String),
}

#[derive(Debug, PartialEq)]
pub struct Route<'a> {
    pub source: Source,
    pub meter_id: &'a str,
    pub command: &'a str,
}

/// `meters/{meter}/cmd/{command}` (device) or `ops/{operator}/meters/{meter}/{command}` (operator).
pub fn parse_topic(topic: &str) -> Result<Route<'_>, DispatchError> {
    let parts: Vec<&str> = topic.split('/').collect();
    match parts.as_slice() {
        ["meters", meter_id, "cmd", command] => Ok(Route {
            source: Source::Device,
            meter_id: *meter_id,
            command: *command,
        }),
        ["ops", operator, "meters", meter_id, command] => Ok(Route {
            source: Source::Operator((*operator).to_string()),
            meter_id: *meter_id,
            command: *command,
        }),
        _ => Err(DispatchError::BadTopic(topic.to_string())),
    }
}

pub struct Dispatcher {
    pub client: AsyncClient,
    pub store: Store,
    pub keys: Arc<DeviceKeys>,
    pub acl: Arc<OperatorAcl>,
}

impl Dispatcher {
    pub async fn handle(&self, topic: &str, payload: &[u8]) -> Result<(), DispatchError> {
        let route = parse_topic(topic)?;
        let envelope: CommandEnvelope = serde_json::from_slice(payload)?;
        if route.source == Source::Device {
            self.keys
                .verify(route.meter_id, topic, &envelope, Utc::now().timestamp())?;
        }
        if !self.store.claim_nonce(route.meter_id, envelope.nonce)? {
            return Err(DispatchError::Replay);
        }

        match (route.command, &route.source) {
            ("reading", Source::Device) => self.record_reading(route.meter_id, &envelope),
            ("disconnect", Source::Operator(op)) => {
                self.acl.require(op, Action::Disconnect)?;
                self.relay(route.meter_id, false, op).await
            }
            ("reconnect", Source::Operator(op)) => {
                self.acl.require(op, Action::Reconnect)?;
                self.relay(route.meter_id, true, op).await
            }
            ("set-tariff", Source::Operator(op)) => self.set_tariff(route.meter_id, &envelope, op),
            // Read-only: any operator the broker lets publish under ops/ may ask for status.
            ("status", Source::Operator(_)) => self.publish_status(route.meter_id, payload).await,
            ("firmware", Source::Operator(op)) => {
                self.acl.require(op, Action::Firmware)?;
                todo!("firmware rollout over MQTT")
            }
            (other, _) => Err(DispatchError::UnknownCommand(other.to_string())),
        }
    }

    fn record_reading(&self, meter_id: &str, env: &CommandEnvelope) -> Result<(), DispatchError> {
        let reading: Reading = serde_json::from_value(env.body.clone())?;
        // The body must describe the meter whose key signed it; ids are public identifiers.
        if reading.meter_id != meter_id {
            return Err(DispatchError::BadTopic(format!(
                "reading for {} on {}",
                reading.meter_id, meter_id
            )));
        }
        self.store.append(&reading)?;
        debug!(meter = meter_id, wh = reading.energy_wh, "reading stored");
        Ok(())
    }

    async fn relay(
        &self,
        meter_id: &str,
        closed: bool,
        operator: &str,
    ) -> Result<(), DispatchError> {
        let body = json!({ "relay": if closed { "closed" } else { "open" }, "by": operator });
        self.client
            .publish(
                format!("meters/{meter_id}/set/relay"),
                QoS::ExactlyOnce,
                false,
                body.to_string(),
            )
            .await?;
        info!(meter = meter_id, closed, operator, "relay command sent");
        Ok(())
    }

    fn set_tariff(
        &self,
        meter_id: &str,
        env: &CommandEnvelope,
        operator: &str,
    ) -> Result<(), DispatchError> {
        let tariff: Tariff = serde_json::from_value(env.body.clone())?;
        self.store.set_tariff(meter_id, &tariff)?;
        info!(meter = meter_id, tariff = %tariff.code, operator, "tariff changed");
        Ok(())
    }

    /// Status requests carry no body; the raw request is accepted like every other handler's and ignored.
    async fn publish_status(&self, meter_id: &str, _request: &[u8]) -> Result<(), DispatchError> {
        let latest = self.store.latest(meter_id)?;
        let tariff = self.store.tariff(meter_id)?;
        let body = json!({ "latest": latest, "tariff": tariff.map(|t| t.code) });
        self.client
            .publish(
                format!("meters/{meter_id}/status"),
                QoS::AtLeastOnce,
                false,
                body.to_string(),
            )
            .await?;
        Ok(())
    }
}
