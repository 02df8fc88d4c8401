use dashmap::DashMap;
use tower_lsp::lsp_types::{Position, Url};

#[derive(Clone, Debug)]
pub struct Document {
    pub text: String,
    pub version: i32,
    pub language_id: String,
}

#[derive(Default)]
pub struct DocumentStore {
    docs: DashMap<Url, Document>,
}

impl DocumentStore {
    pub fn open(&self, uri: Url, text: String, version: i32, language_id: String) {
        self.docs.insert(
            uri,
            Document {
                text,
                version,
                language_id,
            },
        );
    }

    /// Applies a full-text change; returns false if the change is older than what we hold.
    pub fn replace(&self, uri: &Url, text: String, version: i32) -> bool {
        match self.docs.get_mut(uri) {
            Some(mut doc) => {
                if doc.version >= version {
                    return false;
                }
                doc.text = text;
                doc.version = version;
                true
            }
            None => false,
        }
    }

    pub fn close(&self, uri: &Url) {
        self.docs.remove(uri);
    }

    pub fn get(&self, uri: &Url) -> Option<Document> {
        self.docs.get(uri).map(|d| d.clone())
    }

    pub fn uris(&self) -> Vec<Url> {
        self.docs.iter().map(|e| e.key().clone()).collect()
    }
}

/// Byte offset of an LSP position (UTF-16 columns) in `text`.
pub fn offset_at(text: &str, pos: Position) -> Option<usize> {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i as u32 == pos.line {
            let mut units = 0u32;
            for (byte, ch) in line.char_indices() {
                if units >= pos.character {
                    return Some(offset + byte);
                }
                units += ch.len_utf16() as u32;
            }
            return Some(offset + line.trim_end_matches('\n').len());
        }
        offset += line.len();
    }
    if pos.line as usize == text.lines().count() {
        Some(text.len())
    } else {
        None
    }
}

/// The line and the word under the cursor, for completion and hover.
pub fn word_at(text: &str, pos: Position) -> Option<(String, String)> {
    let line = text.lines().nth(pos.line as usize)?;
    let col = (pos.character as usize).min(line.len());
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '@' | '/');
    let start = line[..col].rfind(|c: char| !is_word(c)).map(|i| i + 1).unwrap_or(0);
    let end = line[col..]
        .find(|c: char| !is_word(c))
        .map(|i| col + i)
        .unwrap_or(line.len());
    Some((line.to_string(), line[start..end].to_string()))
}
