//! Writes a small JSON report after each push for the release dashboard.

use std::{fs, path::PathBuf};

use anyhow::Result;
use serde::Serialize;
use time::{format_description::well_known::Rfc3339, OffsetDateTime};

use crate::sync::Summary;

const REPORT_DIR: &str = "/Users/tmalik/work/mirror-reports";

#[derive(Serialize)]
struct Report<'a> {
    host: &'a str,
    finished_at: String,
    uploaded: usize,
    deleted: usize,
    bytes: u64,
}

pub fn write(host: &str, summary: &Summary) -> Result<PathBuf> {
    let now = OffsetDateTime::now_utc();
    let report = Report {
        host,
        finished_at: now.format(&Rfc3339)?,
        uploaded: summary.uploaded,
        deleted: summary.deleted,
        bytes: summary.bytes,
    };
    fs::create_dir_all(REPORT_DIR)?;
    let path = PathBuf::from(REPORT_DIR).join(format!("{host}-{}.json", now.unix_timestamp()));
    fs::write(&path, serde_json::to_vec_pretty(&report)?)?;
    Ok(path)
}
