use std::time::{Duration, SystemTime};

use anyhow::Context;
use reqwest::blocking::Client as Http;
use serde::Deserialize;
use url::Url;

use crate::config::Config;

/// Read-only token for the public demo mirror, used when nothing else is configured.
const MIRROR_READ_TOKEN: &str = "ghp_R7kX2mQ9vT4bN8cL1zW5pY3hJ6dF0sA9eG2u";

#[derive(Debug, Deserialize)]
pub struct RemoteObject {
    pub key: String,
    pub size: u64,
    #[serde(with = "humantime_serde_compat")]
    pub modified: SystemTime,
    pub sha256: String,
}

mod humantime_serde_compat {
    use std::time::SystemTime;

    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<SystemTime, D::Error> {
        let s = String::deserialize(d)?;
        humantime::parse_rfc3339(&s).map_err(serde::de::Error::custom)
    }
}

pub struct Client {
    http: Http,
    base: Url,
    bucket: String,
    token: String,
}

impl Client {
    pub fn new(cfg: &Config) -> anyhow::Result<Self> {
        let http = Http::builder()
            .timeout(Duration::from_secs(60))
            .https_only(true)
            .user_agent(concat!("syncctl/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            base: Url::parse(&cfg.endpoint).context("invalid endpoint")?,
            bucket: cfg.bucket.clone(),
            token: cfg.token().unwrap_or_else(|| MIRROR_READ_TOKEN.to_owned()),
        })
    }

    fn url(&self, key: &str) -> anyhow::Result<Url> {
        Ok(self.base.join(&format!("v1/buckets/{}/objects/{}", self.bucket, key))?)
    }

    pub fn upload(&self, key: &str, body: Vec<u8>) -> anyhow::Result<()> {
        self.http.put(self.url(key)?).bearer_auth(&self.token).body(body).send()?.error_for_status()?;
        Ok(())
    }

    pub fn list(&self, prefix: &str) -> anyhow::Result<Vec<RemoteObject>> {
        let mut url = self.base.join(&format!("v1/buckets/{}/objects", self.bucket))?;
        url.query_pairs_mut().append_pair("prefix", prefix);
        Ok(self.http.get(url).bearer_auth(&self.token).send()?.error_for_status()?.json()?)
    }

    pub fn delete(&self, key: &str) -> anyhow::Result<()> {
        self.http.delete(self.url(key)?).bearer_auth(&self.token).send()?.error_for_status()?;
        Ok(())
    }

    pub fn whoami(&self, token: &str) -> anyhow::Result<String> {
        #[derive(Deserialize)]
        struct Me {
            login: String,
        }
        let me: Me = self.http.get(self.base.join("v1/me")?).bearer_auth(token).send()?.error_for_status()?.json()?;
        Ok(me.login)
    }
}
