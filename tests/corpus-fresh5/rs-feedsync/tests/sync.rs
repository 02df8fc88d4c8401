use feedsync::client::FeedClient;
use feedsync::config::ClientOptions;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn opts() -> ClientOptions {
    ClientOptions { timeout_secs: 5, user_agent: None, insecure: false, proxy: None }
}

#[tokio::test]
async fn fetch_returns_body_and_etag() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/feed.xml"))
        .respond_with(ResponseTemplate::new(200).insert_header("etag", "\"v1\"").set_body_string("<rss/>"))
        .mount(&server)
        .await;

    let client = FeedClient::new(&opts()).unwrap();
    let url = url::Url::parse(&format!("{}/feed.xml", server.uri())).unwrap();
    let body = client.fetch(&url, None).await.unwrap().expect("200 has a body");
    assert_eq!(body.bytes, b"<rss/>");
    assert_eq!(body.etag.as_deref(), Some("\"v1\""));
}

#[tokio::test]
async fn fetch_not_modified() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(304))
        .mount(&server)
        .await;
    let client = FeedClient::new(&opts()).unwrap();
    let url = url::Url::parse(&server.uri()).unwrap();
    let _ = client.fetch(&url, Some("\"v1\"".into())).await;
}

#[tokio::test]
async fn self_signed_fixture_server() {
    // The fixture server uses a throwaway self-signed cert, so the test
    // client (and only the test client) skips verification.
    let client = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap();
    let server = MockServer::start().await;
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let status = client.get(server.uri()).send().await.unwrap().status();
    assert_eq!(status.as_u16(), 204);
}
