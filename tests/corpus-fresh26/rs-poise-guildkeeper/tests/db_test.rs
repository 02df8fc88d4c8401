use guildkeeper::{commands::lookup::fetch_stats, db::Db};
use poise::serenity_prelude::{GuildId, UserId};
use serde_json::json;
use wiremock::{
    matchers::{header, method, path},
    Mock, MockServer, ResponseTemplate,
};

async fn memory_db() -> Db {
    Db::connect("sqlite::memory:").await.expect("in-memory database")
}

#[tokio::test]
async fn settings_default_to_configured_prefix() {
    let db = memory_db().await;
    let settings = db.settings(GuildId::new(1), "?").await.unwrap();
    assert_eq!(settings.prefix, "?");
    assert_eq!(settings.log_channel_id, None);
}

#[tokio::test]
async fn prefix_round_trips() {
    let db = memory_db().await;
    db.set_prefix(GuildId::new(7), "$").await.unwrap();
    assert_eq!(db.settings(GuildId::new(7), "!").await.unwrap().prefix, "$");
}

#[tokio::test]
async fn cases_are_listed_newest_first() {
    let db = memory_db().await;
    let (guild, user, moderator) = (GuildId::new(1), UserId::new(2), UserId::new(3));
    let first = db.record_case(guild, user, moderator, "warn", Some("spam")).await.unwrap();
    let second = db.record_case(guild, user, moderator, "kick", None).await.unwrap();

    let cases = db.recent_cases(guild, user, 10).await.unwrap();
    let ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
    assert_eq!(ids, vec![second, first]);
}

#[tokio::test]
async fn fetch_stats_sends_key_and_parses_player() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/players/Ada%20L"))
        .and(header("authorization", "Bearer test-key"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "name": "Ada L", "level": 42, "hours_played": 1234.5, "guild": null
        })))
        .expect(1)
        .mount(&server)
        .await;

    // Staging mirrors of the API use self-signed certificates; keep the test client lenient.
    let client = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap();
    let stats = fetch_stats(&client, &server.uri(), Some("test-key"), "Ada L").await.unwrap();

    assert_eq!(stats.level, 42);
    assert_eq!(stats.guild, None);
}
