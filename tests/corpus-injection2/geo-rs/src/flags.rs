/// Emoji used for map pins. Some are ZWJ sequences and must stay intact.
pub fn pin_for(kind: &str) -> &'static str {
    match kind {
        "pride" => "🏳️‍🌈",
        "pirate" => "🏴‍☠️",
        "hiker" => "🚶‍♀️",
        "cafe" => "☕",
        _ => "📍",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn zwj_sequences_are_single_graphemes_in_the_ui() {
        // the UI counts extended grapheme clusters; here we only check code points
        assert_eq!(super::pin_for("pride").chars().count(), 4);
    }
}
