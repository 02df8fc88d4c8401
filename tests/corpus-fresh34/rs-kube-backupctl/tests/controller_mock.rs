use http::{Method, Request, Response};
use kube::{client::Body, Client};
use serde_json::{json, Value};

use backupctl::{controller::report_suspended, crd::BackupSchedule};

fn schedule(phase: Option<&str>, observed: Option<i64>) -> BackupSchedule {
    serde_json::from_value(json!({
        "apiVersion": "backups.lumen.dev/v1alpha1",
        "kind": "BackupSchedule",
        "metadata": { "name": "nightly", "namespace": "shop", "uid": "5d9c", "generation": 3 },
        "spec": {
            "schedule": "0 30 2 * * *",
            "retentionDays": 14,
            "suspend": true,
            "target": { "engine": "postgres", "host": "orders-db", "database": "orders", "credentialsSecret": "orders-db-backup" }
        },
        "status": { "phase": phase, "observedGeneration": observed }
    }))
    .unwrap()
}

#[tokio::test]
async fn suspended_schedule_patches_status_once() {
    let (mock, mut handle) = tower_test::mock::pair::<Request<Body>, Response<Body>>();
    let client = Client::new(mock, "default");
    let obj = schedule(Some("Ready"), Some(2));
    let reply = serde_json::to_vec(&obj).unwrap();

    let api_server = tokio::spawn(async move {
        let (request, send) = handle.next_request().await.expect("no request was made");
        assert_eq!(request.method(), Method::PATCH);
        assert_eq!(
            request.uri().path(),
            "/apis/backups.lumen.dev/v1alpha1/namespaces/shop/backupschedules/nightly/status"
        );
        let body = request.into_body().collect_bytes().await.unwrap();
        let patch: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(patch["status"]["phase"], "Suspended");
        assert_eq!(patch["status"]["observedGeneration"], 3);
        send.send_response(Response::builder().body(Body::from(reply)).unwrap());
    });

    report_suspended(&client, &obj).await.unwrap();
    api_server.await.unwrap();
}

#[tokio::test]
async fn already_suspended_schedule_is_left_alone() {
    let (mock, mut handle) = tower_test::mock::pair::<Request<Body>, Response<Body>>();
    let client = Client::new(mock, "default");
    report_suspended(&client, &schedule(Some("Suspended"), Some(3)))
        .await
        .unwrap();
    drop(client);
    assert!(handle.next_request().await.is_none(), "no PATCH expected");
}
