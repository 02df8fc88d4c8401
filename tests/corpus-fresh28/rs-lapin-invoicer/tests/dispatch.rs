use std::collections::HashMap;

use invoicer::config::{Config, PaymentsConfig, SmtpConfig};
use invoicer::dispatch::{dispatch, Ctx};
use invoicer::error::InvoicerError;
use invoicer::mailer::Mailer;
use invoicer::messages::{Command, Envelope, Outcome};
use invoicer::signing::sign;
use sqlx::PgPool;

const BILLING_KEY: &[u8] = b"billing-test-key";
const CRM_KEY: &[u8] = b"crm-test-key";

fn test_config() -> Config {
    Config {
        amqp_url: "amqp://localhost:5672/%2f".into(),
        database_url: String::new(),
        storage_dir: std::env::temp_dir().join("invoicer-tests"),
        payments: PaymentsConfig {
            base_url: "http://127.0.0.1:9/v2".into(),
            api_key: "test".into(),
            webhook_secret: b"provider-test-secret".to_vec(),
            ca_bundle: None,
        },
        smtp: SmtpConfig {
            host: "localhost".into(),
            port: 1025,
            username: "test".into(),
            password: "test".into(),
            from: "Billing <billing@test.local>".into(),
        },
        producer_keys: HashMap::from([
            ("billing-api".to_string(), BILLING_KEY.to_vec()),
            ("crm".to_string(), CRM_KEY.to_vec()),
        ]),
    }
}

fn ctx(pool: PgPool) -> Ctx {
    let cfg = test_config();
    Ctx { pool, http: reqwest::Client::new(), mailer: Mailer::new(&cfg.smtp).unwrap(), cfg }
}

fn envelope(producer: &str, key: &[u8], command: &Command) -> Envelope {
    let body = serde_json::to_string(command).unwrap();
    Envelope {
        id: format!("test-{}", rand_suffix()),
        producer: producer.into(),
        issued_at: 1_717_000_000,
        signature: sign(key, producer, 1_717_000_000, &body),
        body,
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
}

#[sqlx::test(migrations = "./migrations")]
async fn ping_is_acknowledged_without_side_effects(pool: PgPool) {
    let outcome = dispatch(&ctx(pool), &envelope("crm", CRM_KEY, &Command::Ping)).await.unwrap();
    assert_eq!(outcome, Outcome::Ignored);
}

#[sqlx::test(migrations = "./migrations")]
async fn crm_cannot_charge_invoices(pool: PgPool) {
    let err =
        dispatch(&ctx(pool), &envelope("crm", CRM_KEY, &Command::ChargeInvoice { invoice_id: 1 })).await.unwrap_err();
    assert!(matches!(err, InvoicerError::Forbidden { ref producer, .. } if producer == "crm"));
}

#[sqlx::test(migrations = "./migrations")]
async fn unknown_producer_is_rejected(pool: PgPool) {
    let err = dispatch(&ctx(pool), &envelope("intruder", b"whatever", &Command::Ping)).await.unwrap_err();
    assert!(matches!(err, InvoicerError::BadSignature(_)));
}

#[sqlx::test(migrations = "./migrations")]
async fn refund_message_is_dispatched(pool: PgPool) {
    sqlx::query(
        "INSERT INTO invoices (id, number, customer_id, customer_email, currency, total_cents, status, provider_ref, due_on) \
         VALUES (7, 'INV-7', 1, 'a@example.org', 'EUR', 5000, 'paid', 'ch_123', CURRENT_DATE)",
    )
    .execute(&pool)
    .await
    .unwrap();
    let command = Command::Refund { invoice_id: 7, amount_cents: 1000, reason: "damaged".into() };

    let _ = dispatch(&ctx(pool), &envelope("billing-api", BILLING_KEY, &command)).await;
}
