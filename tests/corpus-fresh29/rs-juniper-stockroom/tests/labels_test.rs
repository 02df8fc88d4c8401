use stockroom::labels::{spool_label, zpl_for};

#[test]
fn zpl_contains_name_and_barcode() {
    let zpl = zpl_for("BOLT-M6", "M6 hex bolt", 140);
    assert!(zpl.starts_with("^XA") && zpl.ends_with("^XZ"));
    assert!(zpl.contains("^FDM6 hex bolt^FS"));
    assert!(zpl.contains("^BCN,80,Y,N,N^FDBOLT-M6^FS"));
}

#[test]
fn spooled_label_is_renamed_into_place() {
    let dir = std::env::temp_dir().join(format!("stockroom-labels-{}", std::process::id()));
    spool_label(&dir, "NUT-M6", "M6 nut", 12).expect("spool");
    let written = std::fs::read_to_string(dir.join("NUT-M6.zpl")).expect("label file");
    assert!(written.contains("NUT-M6"));
    assert!(!dir.join("NUT-M6.zpl.part").exists());
    std::fs::remove_dir_all(&dir).ok();
}
