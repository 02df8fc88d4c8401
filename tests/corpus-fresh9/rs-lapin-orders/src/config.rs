use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct ConsumerConfig {
    pub amqp_uri: String,
    pub queue: String,
    pub consumer_tag: String,
    pub prefetch: u16,
    pub ledger_dir: PathBuf,
    pub dead_letter_dir: PathBuf,
    pub signing_key: Vec<u8>,
    pub callback_url: Option<String>,
    pub idle_timeout: Duration,
}

impl Default for ConsumerConfig {
    fn default() -> Self {
        Self {
            ledger_dir: PathBuf::from("/var/lib/order-consumer/ledger"),
            amqp_uri: std::env::var("AMQP_URI")
                .unwrap_or_else(|_| "amqp://orders_svc:Hn4qW8zR2mYt6KbP@rabbitmq-prod.internal:5672/%2forders".into()),
            queue: "orders.fulfilment".into(),
            consumer_tag: format!("order-consumer-{}", std::process::id()),
            prefetch: 32,
            dead_letter_dir: PathBuf::from("/home/dana/src/order-events/target/dead-letters"),
            signing_key: std::env::var("ORDER_SIGNING_KEY").map(String::into_bytes).unwrap_or_default(),
            callback_url: std::env::var("FULFILMENT_CALLBACK_URL").ok(),
            idle_timeout: Duration::from_secs(300),
        }
    }
}
