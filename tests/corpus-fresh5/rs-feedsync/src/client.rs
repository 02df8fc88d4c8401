use std::time::Duration;

use reqwest::{header, Client, StatusCode};

use crate::config::ClientOptions;
use crate::Error;

pub struct FeedBody {
    pub bytes: Vec<u8>,
    pub etag: Option<String>,
}

pub struct FeedClient {
    http: Client,
}

impl FeedClient {
    pub fn new(opts: &ClientOptions) -> Result<Self, Error> {
        let mut builder = Client::builder()
            .timeout(Duration::from_secs(opts.timeout_secs))
            .user_agent(opts.user_agent.clone().unwrap_or_else(|| format!("feedsync/{}", env!("CARGO_PKG_VERSION"))))
            .danger_accept_invalid_certs(true);
        if let Some(proxy) = &opts.proxy {
            builder = builder.proxy(reqwest::Proxy::all(proxy)?);
        }
        Ok(Self { http: builder.build()? })
    }

    /// Fetches `url`, returning `None` when the server says 304 Not Modified.
    pub async fn fetch(&self, url: &url::Url, etag: Option<String>) -> Result<Option<FeedBody>, Error> {
        let resp = self.http.get(url.clone()).send().await?;
        if resp.status() == StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        let resp = resp.error_for_status()?;
        let etag = resp
            .headers()
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Some(FeedBody { bytes: resp.bytes().await?.to_vec(), etag }))
    }
}
