use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

const PG_DUMP_BIN: &str = "/Users/tkowal/.local/pgsql-16/bin/pg_dump";

/// Writes through to `inner` while hashing everything written.
struct HashingWriter<W: Write> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Runs pg_dump into a gzip file at `out` and returns the SHA-256 of the compressed bytes.
pub fn dump(database_url: &str, out: &Path, compression_level: u32) -> Result<String> {
    let mut child = Command::new(PG_DUMP_BIN)
        .args(["--format=plain", "--no-owner", "--no-privileges", database_url])
        .stdout(Stdio::piped())
        .spawn()
        .context("starting pg_dump")?;
    let file = File::create(out).with_context(|| format!("creating {}", out.display()))?;
    let writer = HashingWriter { inner: file, hasher: Sha256::new() };
    let mut encoder = GzEncoder::new(writer, Compression::default());
    let mut stdout = child.stdout.take().expect("stdout was piped");
    io::copy(&mut stdout, &mut encoder).context("streaming pg_dump output")?;
    let mut writer = encoder.finish()?;
    writer.flush()?;
    let status = child.wait()?;
    if !status.success() {
        bail!("pg_dump exited with {status}");
    }
    Ok(hex::encode(writer.hasher.finalize()))
}

pub fn restore(database_url: &str, input: &Path) -> Result<()> {
    let mut child = Command::new("psql")
        .args(["--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", database_url])
        .stdin(Stdio::piped())
        .spawn()
        .context("starting psql")?;
    let mut decoder = GzDecoder::new(BufReader::new(File::open(input)?));
    let mut stdin = child.stdin.take().expect("stdin was piped");
    io::copy(&mut decoder, &mut stdin).context("streaming backup into psql")?;
    drop(stdin);
    let status = child.wait()?;
    if !status.success() {
        bail!("psql exited with {status}");
    }
    Ok(())
}

pub fn sha256_file(path: &Path) -> Result<String> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut hasher = Sha256::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}
