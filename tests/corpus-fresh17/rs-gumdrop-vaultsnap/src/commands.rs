use std::fs;
use std::io::ErrorKind;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use chrono::{DateTime, Utc};
use gumdrop::Options;
use log::{info, warn};
use serde::{Deserialize, Serialize};

use crate::config::FileConfig;
use crate::dump;
use crate::storage::Storage;

#[derive(Debug, Options)]
pub struct Args {
    #[options(help = "print help message")]
    pub help: bool,
    #[options(help = "path to the config file", meta = "PATH")]
    pub config: Option<PathBuf>,
    #[options(help = "increase log verbosity (repeatable)", count)]
    pub verbose: u32,
    #[options(command)]
    pub command: Option<Command>,
}

#[derive(Debug, Options)]
pub enum Command {
    #[options(help = "dump the database and upload it")]
    Backup(BackupOpts),
    #[options(help = "download a backup and restore it")]
    Restore(RestoreOpts),
    #[options(help = "list stored backups")]
    List(ListOpts),
    #[options(help = "delete backups beyond the retention count")]
    Prune(PruneOpts),
    #[options(help = "re-hash stored backups and compare with their manifests")]
    Verify(VerifyOpts),
}

#[derive(Debug, Options)]
pub struct BackupOpts {
    // Read by gumdrop itself (help_requested) before the command runs.
    #[options(help = "print help message")]
    help: bool,
    #[options(help = "gzip compression level, 1-9", default = "6")]
    level: u32,
    #[options(help = "free-form label stored in the manifest")]
    label: Option<String>,
}

#[derive(Debug, Options)]
pub struct RestoreOpts {
    #[options(help = "print help message")]
    help: bool,
    #[options(free, required, help = "backup name, e.g. 20240301T020000Z")]
    name: String,
    #[options(help = "restore into this database instead of the configured one", meta = "URL")]
    target: Option<String>,
}

#[derive(Debug, Options)]
pub struct ListOpts {
    #[options(help = "print help message")]
    help: bool,
}

#[derive(Debug, Options)]
pub struct PruneOpts {
    #[options(help = "print help message")]
    help: bool,
    #[options(help = "number of backups to keep (defaults to keep_last from the config)")]
    keep: Option<usize>,
    #[options(help = "only print what would be deleted")]
    dry_run: bool,
}

#[derive(Debug, Options)]
pub struct VerifyOpts {
    #[options(help = "print help message")]
    help: bool,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub name: String,
    pub sha256: String,
    pub size: u64,
    pub created_at: DateTime<Utc>,
    pub label: Option<String>,
}

pub fn backup(cfg: &FileConfig, storage: &Storage, opts: BackupOpts) -> Result<()> {
    if !(1..=9).contains(&opts.level) {
        bail!("--level must be between 1 and 9");
    }
    fs::create_dir_all(&cfg.workdir)?;
    let name = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let tmp = cfg.workdir.join(format!("{name}.sql.gz"));
    let sha256 = dump::dump(&cfg.database_url, &tmp, opts.level)?;
    let size = fs::metadata(&tmp)?.len();
    storage.put_file(&storage.key(&format!("{name}.sql.gz")), &tmp)?;

    let manifest = Manifest { name: name.clone(), sha256, size, created_at: Utc::now(), label: opts.label };
    let manifest_key = storage.key(&format!("{name}.json"));
    storage.put_bytes(&manifest_key, serde_json::to_vec_pretty(&manifest)?).ok();

    if let Err(err) = fs::remove_file(&tmp) {
        if err.kind() != ErrorKind::NotFound {
            warn!("could not remove {}: {err}", tmp.display());
        }
    }
    info!("backup {name} uploaded ({size} bytes)");
    Ok(())
}

pub fn restore(cfg: &FileConfig, storage: &Storage, opts: RestoreOpts) -> Result<()> {
    let manifest: Manifest = serde_json::from_slice(&storage.get_bytes(&storage.key(&format!("{}.json", opts.name)))?)
        .context("reading manifest")?;
    fs::create_dir_all(&cfg.workdir)?;
    let local = cfg.workdir.join(format!("{}.sql.gz", opts.name));
    storage.download(&storage.key(&format!("{}.sql.gz", opts.name)), &local)?;
    let actual = dump::sha256_file(&local)?;
    if actual != manifest.sha256 {
        bail!("checksum mismatch for {}: manifest {}, downloaded {actual}", opts.name, manifest.sha256);
    }
    let target = opts.target.as_deref().unwrap_or(&cfg.database_url);
    dump::restore(target, &local)?;
    fs::remove_file(&local).with_context(|| format!("removing {}", local.display()))?;
    info!("restored {} ({} bytes)", opts.name, manifest.size);
    Ok(())
}

pub fn list(storage: &Storage, _opts: ListOpts) -> Result<()> {
    for obj in storage.list()?.iter().filter(|o| o.key.ends_with(".sql.gz")) {
        println!("{:<48} {:>12} {}", obj.key, obj.size, obj.last_modified);
    }
    Ok(())
}

pub fn prune(cfg: &FileConfig, storage: &Storage, opts: PruneOpts) -> Result<()> {
    let keep = opts.keep.unwrap_or(cfg.keep_last);
    let backups: Vec<_> = storage.list()?.into_iter().filter(|o| o.key.ends_with(".sql.gz")).collect();
    let mut removed = 0;
    for obj in backups.iter().skip(keep) {
        if opts.dry_run {
            println!("would delete {}", obj.key);
            continue;
        }
        for key in [obj.key.clone(), obj.key.replace(".sql.gz", ".json")] {
            let _ = storage.delete(&key);
        }
        removed += 1;
    }
    info!("pruned {removed} backup(s), kept {}", backups.len().min(keep));
    Ok(())
}

pub fn verify(_storage: &Storage, _opts: VerifyOpts) -> Result<()> {
    unimplemented!("download and re-hash every stored backup")
}
