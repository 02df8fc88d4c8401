//! Thin wrapper over the Spin key-value store.

use anyhow::Context;
use serde::{Deserialize, Serialize};
use spin_sdk::key_value::Store;

pub const LINK_PREFIX: &str = "link:";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Link {
    pub slug: String,
    pub target: String,
    pub created_by: String,
    #[serde(default)]
    pub clicks: u64,
}

pub fn open() -> anyhow::Result<Store> {
    Store::open_default().context("opening default key-value store")
}

pub fn key(slug: &str) -> String {
    format!("{LINK_PREFIX}{slug}")
}

pub fn load(store: &Store, slug: &str) -> anyhow::Result<Option<Link>> {
    match store.get(&key(slug))? {
        Some(bytes) => Ok(Some(serde_json::from_slice(&bytes).context("corrupt link record")?)),
        None => Ok(None),
    }
}

pub fn save(store: &Store, link: &Link) -> anyhow::Result<()> {
    let bytes = serde_json::to_vec(link)?;
    if let Err(e) = store.set(&key(&link.slug), &bytes) {
        eprintln!("kv write failed for {}: {e}", link.slug);
        return Err(anyhow::anyhow!("persisting link {}: {e}", link.slug));
    }
    Ok(())
}

pub fn all_slugs(store: &Store) -> anyhow::Result<Vec<String>> {
    let mut slugs: Vec<String> = store
        .get_keys()?
        .into_iter()
        .filter_map(|k| k.strip_prefix(LINK_PREFIX).map(str::to_owned))
        .collect();
    slugs.sort();
    Ok(slugs)
}
