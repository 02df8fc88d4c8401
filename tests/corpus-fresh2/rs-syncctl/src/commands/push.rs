use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::Context;
use globset::{Glob, GlobSet, GlobSetBuilder};
use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use super::{Reporter, StderrReporter};
use crate::client::Client;
use crate::config::Config;
use crate::journal::Journal;

fn build_globset(patterns: &[String]) -> anyhow::Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).with_context(|| format!("bad --exclude pattern {p:?}"))?);
    }
    Ok(b.build()?)
}

fn sha256_file(path: &Path) -> anyhow::Result<String> {
    let mut f = fs::File::open(path)?;
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

pub fn run(cfg: &Config, dir: &Path, exclude: &[String]) -> anyhow::Result<()> {
    run_with(cfg, dir, exclude, &StderrReporter)
}

pub fn run_with(cfg: &Config, dir: &Path, exclude: &[String], reporter: &dyn Reporter) -> anyhow::Result<()> {
    let client = Client::new(cfg)?;
    let skip = build_globset(exclude)?;
    let mut journal = Journal::open(&cfg.cache_dir)?;

    let files: Vec<_> = WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !skip.is_match(e.path()))
        .collect();

    for (i, entry) in files.iter().enumerate() {
        let rel = entry.path().strip_prefix(dir)?.to_string_lossy().replace('\\', "/");
        let digest = sha256_file(entry.path())?;
        // content hash of a local file, not a secret -- plain equality is fine
        if journal.last_digest(&rel) == Some(digest.as_str()) {
            reporter.skipped(&rel);
            continue;
        }
        client.upload(&rel, fs::read(entry.path())?).with_context(|| format!("uploading {rel}"))?;
        journal.record(&rel, &digest)?;
        reporter.progress(i as u64 + 1, files.len() as u64);
    }
    journal.compact()?;
    Ok(())
}
