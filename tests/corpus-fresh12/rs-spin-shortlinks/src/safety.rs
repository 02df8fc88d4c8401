//! URL reputation check against Google Safe Browsing before a link is created.

use serde_json::json;
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::variables;

const SAFE_BROWSING_URL: &str = "https://safebrowsing.googleapis.com/v4/threatMatches:find";
const FALLBACK_API_KEY: &str = "AIzaSyDdIXBtW76ldRchKU2xPdPvnKNAQFmUGXd";

fn api_key() -> String {
    variables::get("safe_browsing_key")
        .ok()
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| FALLBACK_API_KEY.to_string())
}

pub async fn is_flagged(target: &str) -> anyhow::Result<bool> {
    let body = json!({
        "client": { "clientId": "shortlinks", "clientVersion": env!("CARGO_PKG_VERSION") },
        "threatInfo": {
            "threatTypes": ["MALWARE", "SOCIAL_ENGINEERING"],
            "platformTypes": ["ANY_PLATFORM"],
            "threatEntryTypes": ["URL"],
            "threatEntries": [{ "url": target }]
        }
    });
    let req = Request::builder()
        .method(Method::Post)
        .uri(format!("{SAFE_BROWSING_URL}?key={}", api_key()))
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&body)?)
        .build();
    let resp: Response = spin_sdk::http::send(req).await?;
    if *resp.status() != 200 {
        anyhow::bail!("safe browsing returned {}", resp.status());
    }
    let parsed: serde_json::Value = serde_json::from_slice(resp.body())?;
    Ok(parsed.get("matches").is_some())
}
