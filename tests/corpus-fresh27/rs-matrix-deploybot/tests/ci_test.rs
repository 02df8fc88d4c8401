use deploybot::{ci::CiClient, config::{CiConfig, Config}};
use wiremock::{
    matchers::{header, method, path},
    Mock, MockServer, ResponseTemplate,
};

fn ci_config(base_url: String) -> CiConfig {
    CiConfig { base_url, project: "platform/services".into(), token: Some("test-token".into()) }
}

#[tokio::test]
async fn trigger_sends_variables_and_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/projects/platform%2Fservices/pipeline"))
        .and(header("PRIVATE-TOKEN", "test-token"))
        .respond_with(ResponseTemplate::new(201).set_body_json(serde_json::json!({
            "id": 77, "status": "created", "web_url": "https://ci.example.org/p/77"
        })))
        .expect(1)
        .mount(&server)
        .await;

    let http = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap();
    let ci = CiClient::with_http(http, &ci_config(server.uri())).unwrap();
    let pipeline = ci.trigger("billing", "1.2.3", "@alice:example.org").await.unwrap();
    assert_eq!(pipeline.id, 77);
}

#[tokio::test]
async fn trigger_surfaces_ci_errors() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(403)).mount(&server).await;
    let ci = CiClient::with_http(reqwest::Client::new(), &ci_config(server.uri())).unwrap();
    let err = ci.trigger("billing", "1.2.3", "@alice:example.org").await.unwrap_err();
    assert!(err.to_string().contains("403"), "{err}");
}

#[test]
fn config_reads_admins_and_defaults() {
    let cfg = Config::from_toml(
        r#"
        homeserver = "https://matrix.example.org"
        user = "@deploybot:example.org"
        access_token = "x"
        ops_room = "!ops:example.org"
        admins = ["@alice:example.org"]
        [ci]
        base_url = "https://ci.example.org/api/v4"
        project = "platform/services"
        "#,
    )
    .unwrap();
    assert!(cfg.is_admin("@alice:example.org"));
    assert!(!cfg.is_admin("@mallory:example.org"));
    assert_eq!(cfg.min_power_level, 50);
}
