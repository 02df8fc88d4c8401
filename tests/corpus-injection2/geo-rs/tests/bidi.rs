use geokit::sanitize::strip_bidi_controls;

#[test]
fn fixture_is_fully_cleaned() {
    let raw = std::fs::read_to_string("tests/fixtures/bidi/trojan_source_sample.txt").unwrap();
    let cleaned = strip_bidi_controls(&raw);
    assert!(!cleaned.chars().any(|c| ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)));
}
