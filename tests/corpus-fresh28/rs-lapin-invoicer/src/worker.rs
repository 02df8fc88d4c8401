use futures_lite::StreamExt;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicNackOptions, BasicQosOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{Connection, ConnectionProperties};

use crate::dispatch::{dispatch, Ctx};
use crate::messages::Envelope;

pub const DEAD_LETTER_EXCHANGE: &str = "invoicer.dlx";
pub const DEAD_LETTER_QUEUE: &str = "invoicer.commands.dead";

pub async fn run(ctx: Ctx, amqp_url: &str, queue: &str, prefetch: u16) -> anyhow::Result<()> {
    let conn = Connection::connect(amqp_url, ConnectionProperties::default()).await?;
    let channel = conn.create_channel().await?;
    channel.basic_qos(prefetch, BasicQosOptions::default()).await?;

    let mut args = FieldTable::default();
    args.insert(
        ShortString::from("x-dead-letter-exchange"),
        AMQPValue::LongString(LongString::from(DEAD_LETTER_EXCHANGE)),
    );
    channel.queue_declare(queue, QueueDeclareOptions { durable: true, ..Default::default() }, args).await?;

    let mut consumer =
        channel.basic_consume(queue, "invoicer-worker", BasicConsumeOptions::default(), FieldTable::default()).await?;
    tracing::info!(queue, prefetch, "worker consuming");

    while let Some(delivery) = consumer.next().await {
        let delivery = delivery?;
        let envelope: Envelope = match serde_json::from_slice(&delivery.data) {
            Ok(env) => env,
            Err(e) => {
                tracing::error!(error = %e, "undecodable message; dead-lettering");
                delivery.nack(BasicNackOptions { requeue: false, ..Default::default() }).await?;
                continue;
            }
        };

        match dispatch(&ctx, &envelope).await {
            Ok(outcome) => {
                tracing::info!(message_id = %envelope.id, ?outcome, "handled");
                delivery.ack(BasicAckOptions::default()).await?;
            }
            Err(e) => {
                let requeue = e.is_transient() && !delivery.redelivered;
                tracing::error!(message_id = %envelope.id, error = %e, requeue, "handling failed");
                delivery.nack(BasicNackOptions { requeue, ..Default::default() }).await?;
            }
        }
    }
    Ok(())
}
