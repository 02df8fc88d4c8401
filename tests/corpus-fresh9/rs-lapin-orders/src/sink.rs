use std::path::{Path, PathBuf};

use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncWriteExt, BufWriter};

/// Append-only ledger file, one line per event, rotated daily by logrotate.
pub struct LedgerSink {
    path: PathBuf,
    writer: BufWriter<File>,
    fsync_every: usize,
    pending: usize,
}

impl LedgerSink {
    pub async fn open(dir: &Path, fsync_every: usize) -> std::io::Result<Self> {
        tokio::fs::create_dir_all(dir).await?;
        let path = dir.join("ledger.log");
        let file = OpenOptions::new().create(true).append(true).open(&path).await?;
        Ok(Self { path, writer: BufWriter::new(file), fsync_every: fsync_every.max(1), pending: 0 })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub async fn append(&mut self, line: &str) -> std::io::Result<()> {
        self.writer.write_all(line.as_bytes()).await?;
        self.writer.write_all(b"\n").await?;
        self.pending += 1;
        if self.pending >= self.fsync_every {
            self.writer.flush().await?;
            self.writer.get_ref().sync_data().await?;
            self.pending = 0;
        }
        Ok(())
    }

    pub async fn close(mut self) -> std::io::Result<()> {
        self.writer.flush().await?;
        self.writer.get_ref().sync_all().await.ok();
        Ok(())
    }
}
