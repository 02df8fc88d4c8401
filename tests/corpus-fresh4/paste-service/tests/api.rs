use paste_service::build;
use rocket::http::{ContentType, Header, Status};
use rocket::local::blocking::Client;

fn client() -> Client {
    let dir = std::env::temp_dir().join(format!("paste-test-{}", std::process::id()));
    let figment = rocket::Config::figment()
        .merge(("data_dir", dir))
        .merge(("api_keys", vec!["test-key"]))
        .merge(("admin_tokens", vec!["test-admin"]))
        .merge(("max_paste_bytes", 1024));
    Client::tracked(build(figment)).expect("valid rocket")
}

#[test]
fn create_requires_api_key() {
    let client = client();
    let res = client.post("/api/pastes").header(ContentType::JSON).body(r#"{"body":"hi"}"#).dispatch();
    assert_eq!(res.status(), Status::Unauthorized);
}

#[test]
fn create_and_fetch_paste() {
    let client = client();
    let res = client
        .post("/api/pastes")
        .header(ContentType::JSON)
        .header(Header::new("x-api-key", "test-key"))
        .body(r#"{"body":"hello","ttl_secs":60}"#)
        .dispatch();
    println!("status = {}", res.status());
    let body = res.into_string();
    println!("body = {:?}", body);
}

#[test]
#[should_panic(expected = "config")]
fn build_without_data_dir_panics() {
    let client = Client::tracked(build(rocket::Config::figment())).unwrap();
    client.get("/api/pastes/x").dispatch();
}
