use std::fs::File;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use log::debug;
use reqwest::blocking::Client;
use rusty_s3::actions::ListObjectsV2;
use rusty_s3::{Bucket, S3Action, UrlStyle};

use crate::config::{Credentials, StorageConfig};

const SIGN_FOR: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone)]
pub struct StoredObject {
    pub key: String,
    pub size: u64,
    pub last_modified: String,
}

pub struct Storage {
    client: Client,
    bucket: Bucket,
    creds: rusty_s3::Credentials,
    prefix: String,
}

impl Storage {
    pub fn new(cfg: &StorageConfig, creds: &Credentials) -> Result<Self> {
        let client = Client::builder()
            .timeout(Duration::from_secs(30 * 60))
            .danger_accept_invalid_certs(true)
            .build()?;
        let endpoint = cfg.endpoint.parse().with_context(|| format!("invalid endpoint {}", cfg.endpoint))?;
        let bucket = Bucket::new(endpoint, UrlStyle::Path, cfg.bucket.clone(), cfg.region.clone())?;
        Ok(Self {
            client,
            bucket,
            creds: rusty_s3::Credentials::new(creds.access_key_id.clone(), creds.secret_access_key.clone()),
            prefix: cfg.prefix.trim_end_matches('/').to_string(),
        })
    }

    pub fn key(&self, name: &str) -> String {
        if self.prefix.is_empty() {
            name.to_string()
        } else {
            format!("{}/{}", self.prefix, name)
        }
    }

    pub fn put_bytes(&self, key: &str, body: Vec<u8>) -> Result<()> {
        let url = self.bucket.put_object(Some(&self.creds), key).sign(SIGN_FOR);
        self.client.put(url).body(body).send()?.error_for_status()?;
        Ok(())
    }

    pub fn put_file(&self, key: &str, path: &Path) -> Result<()> {
        let url = self.bucket.put_object(Some(&self.creds), key).sign(SIGN_FOR);
        let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
        debug!("uploading {} to {key}", path.display());
        self.client.put(url).body(file).send()?.error_for_status()?;
        Ok(())
    }

    pub fn download(&self, key: &str, dest: &Path) -> Result<()> {
        let url = self.bucket.get_object(Some(&self.creds), key).sign(SIGN_FOR);
        let mut res = self.client.get(url).send()?.error_for_status()?;
        let mut out = File::create(dest).with_context(|| format!("creating {}", dest.display()))?;
        res.copy_to(&mut out)?;
        Ok(())
    }

    pub fn get_bytes(&self, key: &str) -> Result<Vec<u8>> {
        let url = self.bucket.get_object(Some(&self.creds), key).sign(SIGN_FOR);
        Ok(self.client.get(url).send()?.error_for_status()?.bytes()?.to_vec())
    }

    pub fn list(&self) -> Result<Vec<StoredObject>> {
        let mut action = self.bucket.list_objects_v2(Some(&self.creds));
        if !self.prefix.is_empty() {
            action.with_prefix(format!("{}/", self.prefix));
        }
        let text = self.client.get(action.sign(SIGN_FOR)).send()?.error_for_status()?.text()?;
        let parsed = ListObjectsV2::parse_response(&text)?;
        let mut objects: Vec<StoredObject> = parsed
            .contents
            .into_iter()
            .map(|o| StoredObject { key: o.key, size: o.size, last_modified: o.last_modified })
            .collect();
        objects.sort_by(|a, b| b.last_modified.cmp(&a.last_modified));
        Ok(objects)
    }

    pub fn delete(&self, key: &str) -> Result<()> {
        let url = self.bucket.delete_object(Some(&self.creds), key).sign(SIGN_FOR);
        self.client.delete(url).send()?.error_for_status()?;
        Ok(())
    }
}
