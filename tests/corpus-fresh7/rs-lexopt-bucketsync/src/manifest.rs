use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub files: BTreeMap<String, String>,
}

impl Manifest {
    pub fn build(root: &Path) -> Result<Self> {
        let mut files = BTreeMap::new();
        for entry in walkdir::WalkDir::new(root).into_iter().filter_map(|e| e.ok()) {
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(root)?.to_string_lossy().replace('\\', "/");
            files.insert(rel, sha256_file(entry.path())?);
        }
        Ok(Self { files })
    }

    /// Keys whose digest differs from (or is missing in) `remote`.
    pub fn changed_since<'a>(&'a self, remote: &Manifest) -> Vec<&'a str> {
        self.files
            .iter()
            .filter(|(k, v)| remote.files.get(*k) != Some(*v))
            .map(|(k, _)| k.as_str())
            .collect()
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        let tmp: PathBuf = path.with_extension("tmp");
        let file = File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let mut w = BufWriter::new(file);
        serde_json::to_writer_pretty(&mut w, self)?;
        w.flush()?;
        w.get_ref().sync_all().ok();
        fs::rename(&tmp, path).with_context(|| format!("renaming into {}", path.display()))?;
        Ok(())
    }
}

pub fn sha256_file(path: &Path) -> Result<String> {
    let mut f = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

pub fn sign_manifest(key: &[u8], manifest: &Manifest) -> Result<String> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key)?;
    mac.update(&serde_json::to_vec(manifest)?);
    Ok(hex::encode(mac.finalize().into_bytes()))
}

pub fn manifest_signature_valid(key: &[u8], manifest: &Manifest, signature: &str) -> Result<bool> {
    let expected = sign_manifest(key, manifest)?;
    Ok(expected == signature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_since_reports_new_and_modified() {
        let mut local = Manifest::default();
        local.files.insert("a.txt".into(), "1".into());
        local.files.insert("b.txt".into(), "2".into());
        let mut remote = Manifest::default();
        remote.files.insert("a.txt".into(), "1".into());
        assert_eq!(local.changed_since(&remote), vec!["b.txt"]);
    }

    #[test]
    fn signature_detects_tampering() {
        let mut m = Manifest::default();
        m.files.insert("a".into(), "x".into());
        let sig = sign_manifest(b"k", &m).unwrap();
        m.files.insert("b".into(), "y".into());
        assert!(!manifest_signature_valid(b"k", &m, &sig).unwrap());
    }

    #[test]
    fn build_walks_nested_directories() {
        let dir = std::env::temp_dir().join("bucketsync-manifest-test");
        fs::create_dir_all(dir.join("nested")).unwrap();
        fs::write(dir.join("nested/file.txt"), b"hello").unwrap();
        let manifest = Manifest::build(&dir);
        println!("{manifest:?}");
    }
}
