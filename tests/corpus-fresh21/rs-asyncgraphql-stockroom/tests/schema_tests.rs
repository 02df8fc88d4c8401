use async_graphql::{Request, Variables};
use chrono::{TimeZone, Utc};
use sea_orm::{DatabaseBackend, MockDatabase, MockExecResult};
use serde_json::json;

use stockroom::auth::{CurrentUser, Role};
use stockroom::entities::product;
use stockroom::schema::build_schema;

fn widget(quantity: i32) -> product::Model {
    product::Model {
        id: 1,
        sku: "W-100".into(),
        name: "Widget".into(),
        warehouse_id: 3,
        quantity,
        reorder_level: 5,
        unit_cost_cents: 250,
        archived: false,
        updated_at: Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap(),
    }
}

fn user(role: Role) -> CurrentUser {
    CurrentUser { id: "u-1".into(), role, warehouse_ids: vec![3] }
}

fn assert_no_errors(resp: &async_graphql::Response) {
    assert!(resp.errors.is_empty(), "unexpected errors: {:?}", resp.errors);
}

#[tokio::test]
async fn anonymous_me_is_null() {
    let db = MockDatabase::new(DatabaseBackend::Postgres).into_connection();
    let schema = build_schema(db);
    let resp = schema.execute(Request::new("{ me { id } }")).await;
    assert_eq!(resp.data.into_json().unwrap(), json!({ "me": null }));
}

#[tokio::test]
async fn viewer_lists_products() {
    let db = MockDatabase::new(DatabaseBackend::Postgres).append_query_results([vec![widget(12)]]).into_connection();
    let schema = build_schema(db);
    let resp = schema
        .execute(Request::new("{ products(warehouseId: 3) { sku quantity } }").data(user(Role::Viewer)))
        .await;
    assert_no_errors(&resp);
    insta::assert_json_snapshot!(resp.data.into_json().unwrap());
}

#[tokio::test]
async fn clerk_cannot_create_products() {
    let db = MockDatabase::new(DatabaseBackend::Postgres).into_connection();
    let schema = build_schema(db);
    let resp = schema
        .execute(
            Request::new("mutation($i: NewProduct!) { createProduct(input: $i) { id } }")
                .variables(Variables::from_json(json!({
                    "i": { "sku": "X", "name": "X", "warehouseId": 3, "reorderLevel": 1, "unitCostCents": 1 }
                })))
                .data(user(Role::Clerk)),
        )
        .await;
    assert_eq!(resp.errors.len(), 1);
    assert_eq!(resp.errors[0].message, "forbidden");
}

#[tokio::test]
async fn clerk_adjusts_stock() {
    let db = MockDatabase::new(DatabaseBackend::Postgres)
        .append_query_results([vec![widget(10)], vec![widget(7)]])
        .append_exec_results([MockExecResult { last_insert_id: 1, rows_affected: 1 }])
        .into_connection();
    let schema = build_schema(db);
    let _resp = schema
        .execute(
            Request::new(r#"mutation { adjustStock(productId: 1, delta: -3, reason: "picked") { quantity } }"#)
                .data(user(Role::Clerk)),
        )
        .await;
}

#[tokio::test]
async fn negative_stock_is_rejected() {
    let db = MockDatabase::new(DatabaseBackend::Postgres).append_query_results([vec![widget(1)]]).into_connection();
    let schema = build_schema(db);
    let resp = schema
        .execute(
            Request::new(r#"mutation { adjustStock(productId: 1, delta: -5, reason: "x") { quantity } }"#)
                .data(user(Role::Manager)),
        )
        .await;
    assert_eq!(resp.errors[0].message, "stock cannot go negative");
}
