use std::{collections::HashMap, path::Path};

use anyhow::Context;
use russh_keys::key::PublicKey;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    None,
    Read,
    Write,
    Admin,
}

fn default_level() -> Level {
    Level::Read
}

#[derive(Debug, Deserialize)]
struct UserEntry {
    name: String,
    #[serde(default)]
    password_sha256: Option<String>,
    #[serde(default)]
    keys: Vec<String>,
    #[serde(default = "default_level")]
    default_level: Level,
    #[serde(default)]
    repos: HashMap<String, Level>,
}

#[derive(Debug, Deserialize)]
struct DeployToken {
    repo: String,
    token_sha256: String,
}

#[derive(Debug, Deserialize)]
struct AccessFile {
    #[serde(default, rename = "user")]
    users: Vec<UserEntry>,
    #[serde(default, rename = "deploy_token")]
    deploy_tokens: Vec<DeployToken>,
}

pub struct AccessList {
    users: HashMap<String, UserEntry>,
    keys: HashMap<String, Vec<PublicKey>>,
    deploy_tokens: Vec<DeployToken>,
}

fn sha256_hex(input: &str) -> String {
    hex::encode(Sha256::digest(input.as_bytes()))
}

impl AccessList {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let raw = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Self::from_toml(&raw)
    }

    pub fn from_toml(raw: &str) -> anyhow::Result<Self> {
        let file: AccessFile = toml::from_str(raw)?;
        let mut keys = HashMap::new();
        for user in &file.users {
            let mut parsed = Vec::new();
            for line in &user.keys {
                let b64 = line
                    .split_whitespace()
                    .nth(1)
                    .with_context(|| format!("malformed key for {}", user.name))?;
                parsed.push(russh_keys::parse_public_key_base64(b64)?);
            }
            keys.insert(user.name.clone(), parsed);
        }
        let users = file.users.into_iter().map(|u| (u.name.clone(), u)).collect();
        Ok(Self { users, keys, deploy_tokens: file.deploy_tokens })
    }

    pub fn check_password(&self, user: &str, password: &str) -> bool {
        let Some(stored) = self.users.get(user).and_then(|u| u.password_sha256.as_deref()) else {
            return false;
        };
        sha256_hex(password) == stored.to_ascii_lowercase()
    }

    pub fn check_key(&self, user: &str, key: &PublicKey) -> bool {
        self.keys
            .get(user)
            .is_some_and(|keys| keys.iter().any(|k| k.fingerprint() == key.fingerprint()))
    }

    /// Deploy tokens give read access to exactly one repository.
    pub fn check_deploy_token(&self, repo: &str, token: &str) -> bool {
        let presented = Sha256::digest(token.as_bytes());
        self.deploy_tokens.iter().filter(|t| t.repo == repo).any(|t| {
            hex::decode(&t.token_sha256)
                .map(|stored| bool::from(stored.as_slice().ct_eq(presented.as_slice())))
                .unwrap_or(false)
        })
    }

    /// Effective access level of `user` on `repo`.
    pub fn level_for(&self, user: &str, repo: &str) -> Level {
        self.users.get(user).map_or(Level::None, |u| u.default_level)
    }

    pub fn readable_repos<'a>(&self, user: &str, all: &'a [String]) -> Vec<&'a str> {
        all.iter()
            .filter(|repo| self.level_for(user, repo) >= Level::Read)
            .map(String::as_str)
            .collect()
    }
}
