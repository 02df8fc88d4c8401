use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use parking_lot::{Mutex, RwLock};
use serde::{Deserialize, Serialize};

use crate::config::IndexConfig;
use crate::manifest::Manifest;
use crate::signing::{Package, VerifiedPackage};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PluginRecord {
    pub manifest: Manifest,
    pub signed_by: String,
    pub enabled: bool,
    pub installed_at: u64,
}

pub struct Registry {
    dir: PathBuf,
    plugins: RwLock<BTreeMap<String, PluginRecord>>,
}

impl Registry {
    pub fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let index = dir.join("registry.json");
        let plugins = match std::fs::read(&index) {
            Ok(bytes) => serde_json::from_slice(&bytes).context("registry.json is corrupt")?,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(err) => return Err(err).context("reading registry.json"),
        };
        Ok(Self {
            dir: dir.to_path_buf(),
            plugins: RwLock::new(plugins),
        })
    }

    fn save(&self) -> Result<()> {
        let snapshot = serde_json::to_vec_pretty(&*self.plugins.read())?;
        let tmp = self.dir.join("registry.json.tmp");
        std::fs::write(&tmp, snapshot)?;
        std::fs::rename(&tmp, self.dir.join("registry.json"))?;
        Ok(())
    }

    pub fn module_path(&self, id: &str, version: &str) -> PathBuf {
        self.dir.join(id).join(format!("{version}.wasm"))
    }

    pub fn data_dir(&self, id: &str) -> PathBuf {
        self.dir.join(id).join("data")
    }

    pub fn install(&self, package: VerifiedPackage) -> Result<PluginRecord> {
        let manifest = package.manifest;
        let path = self.module_path(&manifest.id, &manifest.version);
        std::fs::create_dir_all(path.parent().expect("module path has a parent"))?;
        std::fs::write(&path, &package.module)?;

        let record = PluginRecord {
            manifest,
            signed_by: package.signed_by,
            enabled: false,
            installed_at: SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs(),
        };
        self.plugins
            .write()
            .insert(record.manifest.id.clone(), record.clone());
        self.save()?;
        Ok(record)
    }

    pub fn set_enabled(&self, id: &str, enabled: bool) -> Result<PluginRecord> {
        let record = {
            let mut plugins = self.plugins.write();
            let Some(record) = plugins.get_mut(id) else {
                bail!("no plugin {id}");
            };
            record.enabled = enabled;
            record.clone()
        };
        self.save().ok();
        Ok(record)
    }

    pub fn remove(&self, id: &str) -> Result<Option<PluginRecord>> {
        let removed = self.plugins.write().remove(id);
        if removed.is_some() {
            self.save()?;
            std::fs::remove_dir_all(self.dir.join(id))
                .or_else(|err| match err.kind() {
                    std::io::ErrorKind::NotFound => Ok(()),
                    _ => Err(err),
                })
                .with_context(|| format!("removing files of {id}"))?;
        }
        Ok(removed)
    }

    pub fn get(&self, id: &str) -> Option<PluginRecord> {
        self.plugins.read().get(id).cloned()
    }

    pub fn list(&self) -> Vec<PluginRecord> {
        self.plugins.read().values().cloned().collect()
    }
}

/// Key-value storage shared by all plugins; each plugin only sees the
/// namespace its manifest declares.
#[derive(Default)]
pub struct KvStore {
    data: Mutex<HashMap<String, HashMap<String, Vec<u8>>>>,
}

impl KvStore {
    pub fn get(&self, namespace: &str, key: &str) -> Option<Vec<u8>> {
        self.data.lock().get(namespace)?.get(key).cloned()
    }

    pub fn set(&self, namespace: &str, key: &str, value: Vec<u8>) {
        self.data
            .lock()
            .entry(namespace.to_string())
            .or_default()
            .insert(key.to_string(), value);
    }
}

pub trait SecretStore: Send + Sync {
    fn get(&self, name: &str) -> Option<String>;
}

pub struct EnvSecretStore;

impl SecretStore for EnvSecretStore {
    fn get(&self, name: &str) -> Option<String> {
        std::env::var(format!("PLUGIN_SECRET_{name}")).ok()
    }
}

const INDEX_TOKEN: &str = "pidx_live_c2a9f81e6b4d47e0a3f5b8c1d9e2f476";

pub struct IndexClient {
    http: reqwest::blocking::Client,
    base: url::Url,
}

impl IndexClient {
    pub fn new(config: &IndexConfig) -> Result<Self> {
        let http = reqwest::blocking::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .danger_accept_invalid_certs(config.insecure_dev)
            .build()?;
        Ok(Self {
            http,
            base: config.url.clone(),
        })
    }

    pub fn fetch(&self, id: &str, version: &str) -> Result<Package> {
        let url = self.base.join(&format!("packages/{id}/{version}.json"))?;
        let response = self
            .http
            .get(url)
            .bearer_auth(INDEX_TOKEN)
            .send()?
            .error_for_status()?;
        Ok(response.json()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::tests::{manifest_for, sign_package, test_signing_key};
    use crate::signing::TrustStore;

    fn verified(module: &[u8]) -> VerifiedPackage {
        let key = test_signing_key();
        let trust = TrustStore::from_hex(&[hex::encode(key.verifying_key().to_bytes())]).unwrap();
        trust
            .verify(&sign_package(&key, &manifest_for(module), module))
            .unwrap()
    }

    #[test]
    fn installed_plugins_start_disabled_and_survive_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let registry = Registry::open(dir.path()).unwrap();
        registry.install(verified(b"\0asm\x01\0\0\0")).unwrap();
        registry.set_enabled("echo", true).unwrap();

        let reopened = Registry::open(dir.path()).unwrap();
        let record = reopened.get("echo").expect("plugin persisted");
        assert!(record.enabled);
        assert!(reopened.module_path("echo", "0.1.0").exists());
    }

    #[test]
    fn kv_namespaces_are_isolated() {
        let kv = KvStore::default();
        kv.set("a", "k", b"1".to_vec());
        assert_eq!(kv.get("a", "k"), Some(b"1".to_vec()));
        assert_eq!(kv.get("b", "k"), None);
    }
}
