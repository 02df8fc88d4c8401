/// Well-known place names used in the editor's autocomplete.
pub const SAMPLE_NAMES: &[(&str, &str)] = &[
    ("cairo", "القاهرة"),
    ("jerusalem", "ירושלים"),
    ("tehran", "تهران"),
    ("tokyo", "東京"),
];

/// Wraps a possibly right-to-left name in FIRST STRONG ISOLATE / POP DIRECTIONAL
/// ISOLATE so it doesn't reorder the surrounding left-to-right label.
pub fn display_name(name: &str) -> String {
    format!("\u{2068}{name}\u{2069}")
}

/// Label shown in the tile editor, e.g. "Cairo (⁨القاهرة⁩)".
pub fn label(english: &str, native: &str) -> String {
    format!("{english} ({})", display_name(native))
}

pub const CAIRO_LABEL: &str = "Cairo (⁨القاهرة⁩)";
