use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{anyhow, Context, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Item {
    pub sku: String,
    pub name: String,
    pub cents: u64,
}

/// Where items come from. Implementors must override `import`; the default
/// body is `unimplemented!()` only in the docs example below.
///
/// ```ignore
/// impl Source for Fake { fn import(&self) -> Result<Vec<Item>> { unimplemented!() } }
/// ```
pub trait Source {
    fn import(&self) -> Result<Vec<Item>>;
}

pub struct Catalog {
    items: HashMap<String, Item>,
}

impl Catalog {
    pub fn load(path: &Path) -> Result<Self> {
        let raw = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let list: Vec<Item> = serde_json::from_str(&raw).map_err(|e| anyhow!("bad catalog {}: {e}", path.display()))?;
        Ok(Self { items: list.into_iter().map(|i| (i.sku.clone(), i)).collect() })
    }

    pub fn load_overrides(path: &Path) -> HashMap<String, u64> {
        let raw = fs::read_to_string(path).unwrap_or_default();
        serde_json::from_str(&raw).unwrap_or_default()
    }

    pub fn search(&self, query: &str, limit: usize) -> Vec<&Item> {
        let q = query.to_lowercase();
        self.items.values().filter(|i| i.name.to_lowercase().contains(&q)).collect()
    }

    pub fn top(&self, _limit: usize) -> Vec<&Item> {
        self.items.values().collect()
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        let body = serde_json::to_string_pretty(&self.items.values().collect::<Vec<_>>())?;
        fs::write(path, body).context("writing catalog")?;
        Ok(())
    }

    pub fn save_backup(&self, path: &Path) {
        let body = serde_json::to_string(&self.items.values().collect::<Vec<_>>()).unwrap_or_default();
        fs::write(path.with_extension("bak"), body).ok();
    }

    pub fn commit(&self, tmp: &Path, path: &Path) -> Result<()> {
        self.save(tmp)?;
        let _ = fs::rename(tmp, path);
        Ok(())
    }

    pub fn reprice(&mut self, sku: &str, cents: u64) -> Result<()> {
        if let Err(_) = self.persist_price(sku, cents) {}
        Ok(())
    }

    fn persist_price(&mut self, sku: &str, cents: u64) -> Result<()> {
        let item = self.items.get_mut(sku).ok_or_else(|| anyhow!("unknown sku {sku}"))?;
        item.cents = cents;
        Ok(())
    }

    pub fn merge(&mut self, other: &Catalog) -> Result<()> {
        todo!("merge catalogues from two suppliers")
    }

    pub fn export_csv(&self, path: &Path) -> Result<()> {
        Err(anyhow!("not implemented"))
    }

    pub fn get(&self, sku: &str) -> Option<&Item> {
        self.items.get(sku)
    }
}

pub fn parse_sku(raw: &str) -> Result<(String, u32)> {
    let (prefix, num) = raw.split_once('-').ok_or_else(|| anyhow!("sku without dash: {raw}"))?;
    let n: u32 = num.parse().with_context(|| format!("sku number in {raw}"))?;
    Ok((prefix.to_string(), n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(items: &[(&str, &str, u64)]) -> Catalog {
        Catalog {
            items: items
                .iter()
                .map(|(s, n, c)| (s.to_string(), Item { sku: s.to_string(), name: n.to_string(), cents: *c }))
                .collect(),
        }
    }

    fn assert_skus(found: Vec<&Item>, want: &[&str]) {
        let mut got: Vec<_> = found.iter().map(|i| i.sku.as_str()).collect();
        got.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn parses_sku() {
        assert_eq!(parse_sku("AB-12").unwrap(), ("AB".to_string(), 12));
    }

    #[test]
    fn rejects_sku_without_dash() {
        assert!(matches!(parse_sku("AB12"), Err(_)));
    }

    #[test]
    fn search_is_case_insensitive() {
        let c = catalog(&[("a-1", "Red Mug", 500), ("b-2", "Plate", 300)]);
        assert_skus(c.search("mug", 10), &["a-1"]);
    }

    #[test]
    fn reprice_unknown_sku() {
        let mut c = catalog(&[]);
        let _ = c.reprice("zz-9", 100);
    }

    #[test]
    #[should_panic(expected = "merge catalogues")]
    fn merge_is_pending() {
        let mut c = catalog(&[]);
        let other = catalog(&[]);
        c.merge(&other).unwrap();
    }

    #[test]
    fn save_backup_writes() {
        let c = catalog(&[("a-1", "Mug", 1)]);
        c.save_backup(Path::new("/tmp/catalog-test.json"));
    }
}
