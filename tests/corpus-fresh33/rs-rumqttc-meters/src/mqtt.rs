use std::time::Duration;

use rumqttc::{
    AsyncClient, Event, EventLoop, MqttOptions, Packet, QoS, TlsConfiguration, Transport,
};
use tokio::sync::watch;
use tracing::{error, info, warn};

use crate::config::MqttConfig;
use crate::dispatch::Dispatcher;
use crate::tls::broker_client_config;

pub const COMMAND_TOPICS: &[&str] = &["meters/+/cmd/+", "ops/+/meters/+/+"];

pub fn connect(cfg: &MqttConfig) -> anyhow::Result<(AsyncClient, EventLoop)> {
    let mut options = MqttOptions::new(&cfg.client_id, &cfg.host, cfg.port);
    options.set_keep_alive(Duration::from_secs(30));
    options.set_clean_session(false);
    if let (Some(user), Some(pass)) = (&cfg.username, &cfg.password) {
        options.set_credentials(user, pass);
    }
    if cfg.tls {
        let tls = broker_client_config(cfg)?;
        options.set_transport(Transport::tls_with_config(TlsConfiguration::Rustls(tls)));
    } else {
        // Only reachable for a loopback broker; Config::validate rejects anything else.
        options.set_transport(Transport::Tcp);
    }
    Ok(AsyncClient::new(options, 128))
}

pub async fn subscribe_all(client: &AsyncClient) -> Result<(), rumqttc::ClientError> {
    for topic in COMMAND_TOPICS {
        client.subscribe(*topic, QoS::AtLeastOnce).await?;
    }
    Ok(())
}

/// Polls the event loop until shutdown, handing every publish to the dispatcher.
pub async fn run(
    mut eventloop: EventLoop,
    dispatcher: Dispatcher,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut backoff = Duration::from_millis(500);
    loop {
        let event = tokio::select! {
            event = eventloop.poll() => event,
            _ = shutdown.changed() => {
                info!("mqtt loop stopping");
                return;
            }
        };
        match event {
            Ok(Event::Incoming(Packet::Publish(publish))) => {
                backoff = Duration::from_millis(500);
                if let Err(err) = dispatcher.handle(&publish.topic, &publish.payload).await {
                    warn!(topic = %publish.topic, error = %err, "command rejected");
                }
            }
            Ok(Event::Incoming(Packet::ConnAck(ack))) => {
                info!(?ack.code, "connected to broker");
                if let Err(err) = subscribe_all(&dispatcher.client).await {
                    error!(error = %err, "subscribe failed");
                }
            }
            Ok(_) => {}
            Err(err) => {
                warn!(error = %err, retry_in = ?backoff, "mqtt connection error");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(30));
            }
        }
    }
}
