//! Diffing the local tree against the remote listing and applying the result.

use std::{
    collections::BTreeMap,
    fs::File,
    io,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use sha2::{Digest, Sha256};
use ssh2::Sftp;
use walkdir::WalkDir;

use crate::{journal::Journal, manifest::Manifest, ssh};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Upload(Entry),
    Replace(Entry),
    Delete(String),
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub actions: Vec<Action>,
    pub unchanged: usize,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub uploaded: usize,
    pub deleted: usize,
    pub bytes: u64,
}

/// Receives progress callbacks while a plan is applied.
pub trait Progress {
    fn on_upload(&mut self, path: &Path, bytes: u64);
    fn on_delete(&mut self, path: &Path);
    fn on_finish(&mut self, _summary: &Summary) {}
}

/// Used with `--quiet`.
pub struct Quiet;

impl Progress for Quiet {
    fn on_upload(&mut self, _path: &Path, _bytes: u64) {}
    fn on_delete(&mut self, _path: &Path) {}
}

pub fn sha256_file(path: &Path) -> io::Result<String> {
    let mut hasher = Sha256::new();
    io::copy(&mut File::open(path)?, &mut hasher)?;
    Ok(hex::encode(hasher.finalize()))
}

fn exclusions(patterns: &[String]) -> Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder.add(Glob::new(p).with_context(|| format!("bad exclude pattern {p}"))?);
    }
    Ok(builder.build()?)
}

pub fn scan_local(root: &Path, exclude: &[String]) -> Result<Vec<Entry>> {
    let excluded = exclusions(exclude)?;
    let mut entries = Vec::new();
    for item in WalkDir::new(root).sort_by_file_name() {
        let item = item?;
        if !item.file_type().is_file() {
            continue;
        }
        let rel = item.path().strip_prefix(root)?.to_string_lossy().replace('\\', "/");
        if excluded.is_match(&rel) {
            continue;
        }
        entries.push(Entry {
            size: item.metadata()?.len(),
            sha256: sha256_file(item.path())?,
            path: rel,
        });
    }
    Ok(entries)
}

/// Computes the actions that make `remote` match `local`.
pub fn plan(local: &[Entry], remote: &[Entry], delete_extraneous: bool) -> Plan {
    let remote_by_path: BTreeMap<&str, &Entry> = remote.iter().map(|e| (e.path.as_str(), e)).collect();
    let mut out = Plan::default();

    for entry in local {
        match remote_by_path.get(entry.path.as_str()) {
            None => out.actions.push(Action::Upload(entry.clone())),
            Some(existing) if existing.sha256 == entry.sha256 => out.unchanged += 1,
            Some(_) => out.actions.push(Action::Replace(entry.clone())),
        }
    }

    if delete_extraneous {
        let local_paths: std::collections::BTreeSet<&str> = local.iter().map(|e| e.path.as_str()).collect();
        for entry in remote {
            if !local_paths.contains(entry.path.as_str()) {
                out.actions.push(Action::Delete(entry.path.clone()));
            }
        }
    }
    out
}

/// Keeps only the local entries the manifest lists with a matching digest.
pub fn filter_by_manifest(local: Vec<Entry>, manifest: &Manifest) -> Vec<Entry> {
    let wanted: BTreeMap<&str, &str> = manifest.files.iter().map(|f| (f.path.as_str(), f.sha256.as_str())).collect();
    local
        .into_iter()
        .filter(|e| wanted.get(e.path.as_str()) == Some(&e.sha256.as_str()))
        .collect()
}

pub fn apply(
    sftp: &Sftp,
    local_root: &Path,
    remote_root: &Path,
    plan: &Plan,
    journal: &mut Journal,
    progress: &mut dyn Progress,
) -> Result<Summary> {
    let mut summary = Summary::default();
    for action in &plan.actions {
        match action {
            Action::Upload(entry) | Action::Replace(entry) => {
                let remote = remote_root.join(&entry.path);
                if let Some(parent) = remote.parent() {
                    ssh::ensure_dir(sftp, parent)?;
                }
                let bytes = ssh::upload_file(sftp, &local_root.join(&entry.path), &remote, 0o640)?;
                journal.record_upload(&entry.path, &entry.sha256);
                progress.on_upload(&remote, bytes);
                summary.uploaded += 1;
                summary.bytes += bytes;
            }
            Action::Delete(path) => {
                let remote: PathBuf = remote_root.join(path);
                let _ = sftp.unlink(&remote);
                journal.record_delete(path);
                progress.on_delete(&remote);
                summary.deleted += 1;
            }
        }
    }
    progress.on_finish(&summary);
    Ok(summary)
}
