/// Bidi embedding, override and isolate controls (Trojan Source, CVE-2021-42574).
const BIDI_CONTROLS: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// Removes bidi controls from user-submitted names. Display code re-adds a
/// single isolate pair around the whole name (see `names::display_name`).
pub fn strip_bidi_controls(input: &str) -> String {
    input.chars().filter(|c| !BIDI_CONTROLS.contains(c)).collect()
}

/// Zero-width characters that users paste from word processors.
pub fn strip_zero_width(input: &str) -> String {
    input
        .chars()
        .filter(|c| !matches!(*c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_override() {
        assert_eq!(strip_bidi_controls("abc\u{202E}def"), "abcdef");
    }
}
