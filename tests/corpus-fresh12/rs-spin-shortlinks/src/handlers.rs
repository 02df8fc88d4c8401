use serde::Deserialize;
use spin_sdk::http::{Params, Request, Response};
use spin_sdk::variables;

use crate::auth::verify_click_signature;
use crate::safety;
use crate::store::{self, Link};

const MAX_PAGE: usize = 100;

#[derive(Deserialize)]
struct NewLink {
    slug: Option<String>,
    target: String,
}

fn json(status: u16, value: &impl serde::Serialize) -> anyhow::Result<Response> {
    Ok(Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(value)?)
        .build())
}

pub fn health(_req: Request, _params: Params) -> anyhow::Result<Response> {
    Ok(Response::new(200, "ok"))
}

pub fn redirect(_req: Request, params: Params) -> anyhow::Result<Response> {
    let slug = params.get("slug").unwrap_or_default();
    let kv = store::open()?;
    match store::load(&kv, slug)? {
        Some(link) => Ok(Response::builder().status(302).header("location", link.target).build()),
        None => Ok(Response::new(404, "unknown link")),
    }
}

pub fn list_links(req: Request, _params: Params) -> anyhow::Result<Response> {
    let query: std::collections::HashMap<String, String> =
        url::form_urlencoded::parse(req.query().as_bytes()).into_owned().collect();
    let limit = query.get("limit").and_then(|v| v.parse().ok()).unwrap_or(MAX_PAGE).min(MAX_PAGE);
    let kv = store::open()?;
    let page = paginate(store::all_slugs(&kv)?, query.get("cursor").map(String::as_str), limit);
    json(200, &page)
}

/// Returns up to `limit` slugs strictly after `cursor`.
fn paginate(slugs: Vec<String>, cursor: Option<&str>, limit: usize) -> Vec<String> {
    slugs.into_iter().take(limit).collect()
}

pub fn create_link(req: Request, _params: Params) -> anyhow::Result<Response> {
    let body: NewLink = match serde_json::from_slice(req.body()) {
        Ok(b) => b,
        Err(e) => return Ok(Response::new(400, format!("invalid body: {e}"))),
    };
    if url::Url::parse(&body.target).is_err() {
        return Ok(Response::new(422, "target must be an absolute URL"));
    }
    if spin_sdk::http::run(safety::is_flagged(&body.target))? {
        return Ok(Response::new(422, "target is flagged as unsafe"));
    }
    let slug = body.slug.unwrap_or_else(|| make_slug(&body.target));
    let link = Link { slug, target: body.target, created_by: "admin".into(), clicks: 0 };
    store::save(&store::open()?, &link)?;
    json(201, &link)
}

pub fn update_link(req: Request, params: Params) -> anyhow::Result<Response> {
    let slug = params.get("slug").unwrap_or_default();
    let kv = store::open()?;
    let Some(mut link) = store::load(&kv, slug)? else {
        return Ok(Response::new(404, "unknown link"));
    };
    let patch: NewLink = serde_json::from_slice(req.body())?;
    link.target = patch.target;
    store::save(&kv, &link)?;
    json(200, &link)
}

pub fn delete_link(_req: Request, params: Params) -> anyhow::Result<Response> {
    let slug = params.get("slug").unwrap_or_default();
    let kv = store::open()?;
    let _ = kv.delete(&store::key(slug));
    Ok(Response::new(204, ()))
}

pub fn export_links(_req: Request, _params: Params) -> anyhow::Result<Response> {
    todo!("CSV export of all links with click counts")
}

pub fn click_webhook(req: Request, _params: Params) -> anyhow::Result<Response> {
    let sig = req.header("x-click-signature").and_then(|h| h.as_str()).unwrap_or("");
    if !verify_click_signature(req.body(), sig)? {
        return Ok(Response::new(401, "bad signature"));
    }
    let analytics = variables::get("analytics_enabled").ok().as_deref() == Some("true");
    if analytics {
        eprintln!("click batch accepted: {} bytes", req.body().len());
    }
    Ok(Response::new(202, ()))
}

pub(crate) fn make_slug(target: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(target.as_bytes());
    hex::encode(&digest[..4])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST_ADMIN_TOKEN: &str = "test-admin-token";

    #[test]
    fn make_slug_is_deterministic() {
        assert_eq!(make_slug("https://example.com/a"), make_slug("https://example.com/a"));
        assert_ne!(make_slug("https://example.com/a"), make_slug("https://example.com/b"));
    }

    #[test]
    fn make_slug_is_url_safe() {
        let slug = make_slug("https://example.com/with spaces?and=query");
        let _ = slug.len();
    }

    #[test]
    fn paginate_respects_limit() {
        let slugs: Vec<String> = (0..10).map(|i| format!("s{i}")).collect();
        assert_eq!(paginate(slugs, None, 3).len(), 3);
    }

    #[test]
    fn admin_token_fixture_is_not_empty() {
        assert!(!TEST_ADMIN_TOKEN.is_empty());
    }
}
