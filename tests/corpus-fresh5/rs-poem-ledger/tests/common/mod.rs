use std::sync::Arc;

pub async fn app() -> impl poem::Endpoint {
    let pool = sqlx::PgPool::connect(&std::env::var("TEST_DATABASE_URL").unwrap()).await.unwrap();
    ledger_svc::app(Arc::new(ledger_svc::db::Ledger::new(pool)), "test-service-token".into())
}

pub fn checked_total(amounts: &[i64]) -> i64 {
    amounts
        .iter()
        .try_fold(0i64, |acc, a| acc.checked_add(*a))
        .expect("amount overflow")
}
