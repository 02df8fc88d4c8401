//! Parsing, diagnostics and formatting for Tally manifests.
//!
//! A manifest is TOML-like: `[section]` headers, `key = value` pairs and
//! `import "name@version"` lines at the top level.

use std::collections::HashSet;

use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range, TextEdit};

use crate::settings::FormatSettings;

pub const SECTIONS: &[(&str, &[&str])] = &[
    (
        "package",
        &["name", "version", "description", "license", "visibility", "authors"],
    ),
    ("build", &["entry", "target", "features", "profile"]),
    ("dependencies", &[]),
    ("scripts", &[]),
];

pub const RENAMED_KEYS: &[(&str, &str)] = &[("licence", "license"), ("author", "authors")];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub section: String,
    pub key: String,
    pub value: String,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub name: String,
    pub version: String,
    pub line: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Manifest {
    pub sections: Vec<(String, u32)>,
    pub entries: Vec<Entry>,
    pub imports: Vec<Import>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: u32,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line + 1, self.message)
    }
}

impl std::error::Error for ParseError {}

pub fn parse(text: &str) -> Result<Manifest, ParseError> {
    let mut manifest = Manifest::default();
    let mut section = String::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n as u32;
        let trimmed = raw.split('#').next().unwrap_or("").trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('[') {
            let name = rest.strip_suffix(']').ok_or_else(|| ParseError {
                line,
                message: "unterminated section header".into(),
            })?;
            section = name.trim().to_string();
            manifest.sections.push((section.clone(), line));
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("import ") {
            if !section.is_empty() {
                return Err(ParseError {
                    line,
                    message: "imports must come before the first section".into(),
                });
            }
            let spec = rest.trim().trim_matches('"');
            let (name, version) = spec.split_once('@').ok_or_else(|| ParseError {
                line,
                message: format!("import {spec:?} needs a version, e.g. \"{spec}@1.0\""),
            })?;
            manifest.imports.push(Import {
                name: name.to_string(),
                version: version.to_string(),
                line,
            });
            continue;
        }
        let (key, value) = trimmed.split_once('=').ok_or_else(|| ParseError {
            line,
            message: format!("expected `key = value`, found {trimmed:?}"),
        })?;
        manifest.entries.push(Entry {
            section: section.clone(),
            key: key.trim().to_string(),
            value: value.trim().to_string(),
            line,
        });
    }
    Ok(manifest)
}

fn line_range(text: &str, line: u32) -> Range {
    let len = text
        .lines()
        .nth(line as usize)
        .map(|l| l.encode_utf16().count())
        .unwrap_or(0) as u32;
    Range::new(Position::new(line, 0), Position::new(line, len))
}

fn diag(range: Range, severity: DiagnosticSeverity, code: &str, message: String) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(code.to_string())),
        source: Some("tally".to_string()),
        message,
        ..Diagnostic::default()
    }
}

/// Diagnostics for `text`. `known_versions` answers from the registry index cache.
pub fn diagnostics(text: &str, known_versions: &dyn Fn(&str) -> Option<Vec<String>>, max: usize) -> Vec<Diagnostic> {
    let manifest = match parse(text) {
        Ok(m) => m,
        Err(err) => {
            return vec![diag(
                line_range(text, err.line),
                DiagnosticSeverity::ERROR,
                "syntax",
                err.message,
            )];
        }
    };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (name, line) in &manifest.sections {
        if !SECTIONS.iter().any(|(s, _)| s == name) {
            out.push(diag(
                line_range(text, *line),
                DiagnosticSeverity::WARNING,
                "unknown-section",
                format!("unknown section [{name}]"),
            ));
        }
    }
    for entry in &manifest.entries {
        if !seen.insert((entry.section.clone(), entry.key.clone())) {
            out.push(diag(
                line_range(text, entry.line),
                DiagnosticSeverity::ERROR,
                "duplicate-key",
                format!("`{}` is already set in [{}]", entry.key, entry.section),
            ));
        }
        if let Some((_, new)) = RENAMED_KEYS.iter().find(|(old, _)| *old == entry.key) {
            out.push(diag(
                line_range(text, entry.line),
                DiagnosticSeverity::WARNING,
                "renamed-key",
                format!("`{}` was renamed to `{new}`", entry.key),
            ));
            continue;
        }
        if let Some((_, keys)) = SECTIONS.iter().find(|(s, _)| *s == entry.section) {
            if !keys.is_empty() && !keys.contains(&entry.key.as_str()) {
                out.push(diag(
                    line_range(text, entry.line),
                    DiagnosticSeverity::WARNING,
                    "unknown-key",
                    format!("unknown key `{}` in [{}]", entry.key, entry.section),
                ));
            }
        }
    }
    for import in &manifest.imports {
        match known_versions(&import.name) {
            Some(versions) if !versions.iter().any(|v| v == &import.version) => out.push(diag(
                line_range(text, import.line),
                DiagnosticSeverity::ERROR,
                "unknown-version",
                format!(
                    "{} has no version {} (latest: {})",
                    import.name,
                    import.version,
                    versions.last().map(String::as_str).unwrap_or("none")
                ),
            )),
            _ => {}
        }
    }
    out.truncate(max);
    out
}

/// Quick fixes for renamed keys, as edits.
pub fn renamed_key_fixes(text: &str) -> Vec<TextEdit> {
    let Ok(manifest) = parse(text) else {
        return Vec::new();
    };
    manifest
        .entries
        .iter()
        .filter_map(|entry| {
            let (_, new) = RENAMED_KEYS.iter().find(|(old, _)| *old == entry.key)?;
            let line = text.lines().nth(entry.line as usize)?;
            let start = line.find(entry.key.as_str())? as u32;
            Some(TextEdit::new(
                Range::new(
                    Position::new(entry.line, start),
                    Position::new(entry.line, start + entry.key.len() as u32),
                ),
                new.to_string(),
            ))
        })
        .collect()
}

/// Canonical layout: one blank line between sections, `key = value` with single spaces
/// (or aligned `=` when configured), continuation lines indented by `indent_width`.
pub fn format(text: &str, opts: &FormatSettings) -> String {
    let mut out = String::new();
    let mut block: Vec<(String, String)> = Vec::new();
    let indent = " ".repeat(opts.indent_width);

    fn flush(out: &mut String, block: &mut Vec<(String, String)>, align: bool) {
        let width = if align {
            block.iter().map(|(k, _)| k.len()).max().unwrap_or(0)
        } else {
            0
        };
        for (key, value) in block.drain(..) {
            out.push_str(&format!("{key:width$} = {value}\n"));
        }
    }

    for raw in text.lines() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with('[') {
            flush(&mut out, &mut block, opts.align_equals);
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(trimmed);
            out.push('\n');
        } else if trimmed.starts_with('#') || trimmed.starts_with("import ") {
            flush(&mut out, &mut block, opts.align_equals);
            out.push_str(trimmed);
            out.push('\n');
        } else if let Some((k, v)) = trimmed.split_once('=') {
            block.push((k.trim().to_string(), v.trim().to_string()));
        } else {
            flush(&mut out, &mut block, opts.align_equals);
            out.push_str(&indent);
            out.push_str(trimmed);
            out.push('\n');
        }
    }
    flush(&mut out, &mut block, opts.align_equals);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_index(_: &str) -> Option<Vec<String>> {
        None
    }

    fn assert_diag(diags: &[Diagnostic], line: u32, code: &str) {
        let hit = diags
            .iter()
            .find(|d| d.range.start.line == line)
            .unwrap_or_else(|| panic!("no diagnostic on line {line}: {diags:#?}"));
        assert_eq!(hit.code, Some(NumberOrString::String(code.to_string())));
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let text = "[package]\nname = \"a\"\nname = \"b\"\n";
        assert_diag(&diagnostics(text, &no_index, 10), 2, "duplicate-key");
    }

    #[test]
    fn unterminated_section_is_a_parse_error() {
        parse("[package\nname = \"x\"\n").expect_err("an unterminated header must not parse");
    }

    #[test]
    fn formats_nested_blocks() {
        let text = "import \"http@2.1\"\n[package]\nname=\"svc\"\n  version   =  \"0.3.0\"\n[build]\nfeatures = [\n\"tls\",\n]\n";
        let opts = FormatSettings {
            indent_width: 4,
            align_equals: true,
        };
        let formatted = format(text, &opts);
        let _ = formatted.lines().count();
    }

    #[test]
    fn unknown_versions_use_the_index() {
        let index = |name: &str| (name == "http").then(|| vec!["2.0".to_string(), "2.1".to_string()]);
        let diags = diagnostics("import \"http@9.9\"\n", &index, 10);
        assert_diag(&diags, 0, "unknown-version");
        assert!(diags[0].message.contains("latest: 2.1"));
    }
}
