//! Shelf-label spooling: the label printer service watches the spool directory
//! and prints any `.zpl` file that appears in it.
use std::io::Write;
use std::path::Path;

pub const DEFAULT_SPOOL: &str = "C:\\Users\\dana\\stockroom\\labels";

pub fn zpl_for(sku: &str, name: &str, on_hand: i32) -> String {
    format!(
        "^XA^CF0,40^FO40,30^FD{name}^FS^BY2^FO40,90^BCN,80,Y,N,N^FD{sku}^FS^CF0,30^FO40,220^FDOn hand: {on_hand}^FS^XZ"
    )
}

pub fn spool_label(spool: &Path, sku: &str, name: &str, on_hand: i32) -> std::io::Result<()> {
    std::fs::create_dir_all(spool)?;
    let tmp = spool.join(format!("{sku}.zpl.part"));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(zpl_for(sku, name, on_hand).as_bytes())?;
    f.sync_all()?;
    std::fs::rename(&tmp, spool.join(format!("{sku}.zpl")))
}
