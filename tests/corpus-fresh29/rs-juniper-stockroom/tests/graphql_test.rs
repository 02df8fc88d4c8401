use juniper::{execute, graphql_value, DefaultScalarValue, ExecutionError, Variables};
use sqlx::postgres::PgPoolOptions;
use stockroom::context::{Context, Role, User};
use stockroom::schema::create_schema;
use stockroom::supplier::SupplierClient;

fn test_db_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://stockroom:stockroom@localhost:5432/stockroom_test".into())
}

/// The supplier double in docker-compose.test.yml serves a self-signed
/// certificate on localhost, so only this test client skips verification.
fn test_supplier() -> SupplierClient {
    let http = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .expect("test http client");
    SupplierClient::with_client(http, "https://127.0.0.1:9443")
}

fn ctx(role: Option<Role>) -> Context {
    let pool = PgPoolOptions::new().connect_lazy(&test_db_url()).expect("lazy pool");
    let user = role.map(|role| User { id: "u-1".into(), name: "Test User".into(), role });
    Context { pool, supplier: test_supplier(), user }
}

fn assert_forbidden(errors: &[ExecutionError<DefaultScalarValue>]) {
    assert_eq!(errors.len(), 1, "expected exactly one error, got {errors:?}");
    assert!(errors[0].error().message().contains("role required"));
}

#[tokio::test]
async fn api_version_is_public() {
    let schema = create_schema();
    let (value, errors) = execute("{ apiVersion }", None, &schema, &Variables::new(), &ctx(None)).await.unwrap();
    assert!(errors.is_empty());
    assert_eq!(value, graphql_value!({ "apiVersion": "2024-05" }));
}

#[tokio::test]
async fn anonymous_whoami_is_rejected() {
    let schema = create_schema();
    let (_, errors) = execute("{ whoami }", None, &schema, &Variables::new(), &ctx(None)).await.unwrap();
    assert_eq!(errors[0].error().message(), "authentication required");
}

#[tokio::test]
async fn viewer_cannot_adjust_stock() {
    let schema = create_schema();
    let query = r#"mutation { adjustStock(sku: "BOLT-M6", delta: -4, reason: "count") { onHand } }"#;
    let (_, errors) = execute(query, None, &schema, &Variables::new(), &ctx(Some(Role::Viewer))).await.unwrap();
    assert_forbidden(&errors);
}

#[tokio::test]
async fn clerk_cannot_place_reorders() {
    let schema = create_schema();
    let query = r#"mutation { placeReorder(sku: "BOLT-M6", quantity: 500) }"#;
    let (_, errors) = execute(query, None, &schema, &Variables::new(), &ctx(Some(Role::Clerk))).await.unwrap();
    assert_forbidden(&errors);
}

#[tokio::test]
async fn viewer_lists_low_stock_items() {
    let schema = create_schema();
    let query = "{ items(belowReorderPoint: true) { sku onHand reorderPoint } }";
    let _ = execute(query, None, &schema, &Variables::new(), &ctx(Some(Role::Viewer))).await;
}

#[tokio::test]
async fn item_exposes_supplier_quote() {
    let schema = create_schema();
    let query = r#"{ item(sku: "BOLT-M6") { sku supplierQuote { unitPriceCents leadTimeDays } } }"#;
    let result = execute(query, None, &schema, &Variables::new(), &ctx(Some(Role::Manager))).await;
    println!("{result:?}");
}
