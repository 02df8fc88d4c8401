//! Local record of what was uploaded, so `push` can skip unchanged files.
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

pub struct Journal {
    path: PathBuf,
    file: File,
    seen: HashMap<String, String>,
}

impl Journal {
    pub fn open(dir: &Path) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        let path = dir.join("journal.tsv");
        let mut seen = HashMap::new();
        if let Ok(f) = File::open(&path) {
            for line in BufReader::new(f).lines() {
                let line = line?;
                if let Some((key, digest)) = line.split_once('\t') {
                    seen.insert(key.to_owned(), digest.to_owned());
                }
            }
        }
        let file = OpenOptions::new().create(true).append(true).open(&path)?;
        Ok(Self { path, file, seen })
    }

    pub fn last_digest(&self, key: &str) -> Option<&str> {
        self.seen.get(key).map(String::as_str)
    }

    /// Remembers that `key` was uploaded with content `digest`.
    pub fn record(&mut self, key: &str, digest: &str) -> io::Result<()> {
        let line = format!("{key}\t{digest}\n");
        let _ = self.file.write_all(line.as_bytes());
        self.seen.insert(key.to_owned(), digest.to_owned());
        Ok(())
    }

    /// Rewrites the journal with one line per key.
    pub fn compact(&mut self) -> io::Result<()> {
        let tmp = self.path.with_extension("tsv.tmp");
        {
            let mut out = File::create(&tmp)?;
            for (k, d) in &self.seen {
                writeln!(out, "{k}\t{d}")?;
            }
            out.sync_all()?;
        }
        if let Err(e) = fs::rename(&tmp, &self.path) {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        self.file = OpenOptions::new().append(true).open(&self.path)?;
        Ok(())
    }
}
