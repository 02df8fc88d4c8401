use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::db::Item;

/// Writes the nightly stock CSV atomically (tmp file + rename).
pub fn write_csv(dir: &Path, items: &[Item]) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    let tmp = dir.join("stock.csv.part");
    let mut w = BufWriter::new(File::create(&tmp)?);
    writeln!(w, "sku,name,category,on_hand")?;
    for i in items {
        writeln!(w, "{},{},{},{}", i.sku, i.name, i.category, i.on_hand)?;
    }
    w.flush()?;
    fs::rename(&tmp, dir.join("stock.csv"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_header_and_rows() {
        let dir = tempfile::tempdir().unwrap();
        let items = vec![Item { sku: "A-1".into(), name: "Bolt".into(), category: "hw".into(), on_hand: 3 }];
        write_csv(dir.path(), &items).unwrap();
        let out = fs::read_to_string(dir.path().join("stock.csv")).unwrap();
        assert!(out.starts_with("sku,name,category,on_hand\nA-1,Bolt,hw,3"));
    }

    #[test]
    #[should_panic(expected = "No such file")]
    fn fails_on_unwritable_dir() {
        write_csv(Path::new("/proc/definitely/not/here"), &[]).expect("No such file");
    }
}
