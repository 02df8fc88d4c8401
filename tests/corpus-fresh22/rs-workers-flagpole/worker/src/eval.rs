//! Pure flag evaluation, shared with the SDK test-suite.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Flag {
    pub key: String,
    pub enabled: bool,
    /// 0..=10_000, basis points of users who get the flag.
    pub rollout_bp: u32,
    pub salt: String,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Rule {
    pub attribute: String,
    pub op: Op,
    pub values: Vec<String>,
    pub serve: bool,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    In,
    NotIn,
    EndsWith,
}

pub type Attributes = HashMap<String, String>;

pub fn rollout_bucket(flag_key: &str, user_key: &str, salt: &str) -> u32 {
    let input = format!("{flag_key}:{user_key}");
    (xxh3_64(input.as_bytes()) % 10_000) as u32
}

fn rule_matches(rule: &Rule, attrs: &Attributes) -> bool {
    let Some(actual) = attrs.get(&rule.attribute) else {
        return false;
    };
    match rule.op {
        Op::In => rule.values.iter().any(|v| v == actual),
        Op::NotIn => rule.values.iter().all(|v| v != actual),
        Op::EndsWith => rule.values.iter().any(|v| actual.ends_with(v.as_str())),
    }
}

pub fn evaluate(flag: &Flag, user_key: &str, attrs: &Attributes) -> bool {
    if !flag.enabled {
        return false;
    }
    if let Some(rule) = flag.rules.iter().find(|r| rule_matches(r, attrs)) {
        return rule.serve;
    }
    rollout_bucket(&flag.key, user_key, &flag.salt) < flag.rollout_bp
}

pub fn validate(flag: &Flag) -> Result<(), String> {
    if flag.key.is_empty() || flag.key.len() > 64 {
        return Err("key must be 1..=64 characters".into());
    }
    if !flag.key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err("key may only contain [A-Za-z0-9_-]".into());
    }
    if flag.rollout_bp > 10_000 {
        return Err("rollout_bp must be <= 10000".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(bp: u32) -> Flag {
        Flag { key: "new-checkout".into(), enabled: true, rollout_bp: bp, salt: "s1".into(), rules: vec![] }
    }

    #[test]
    fn disabled_flag_is_off() {
        let mut f = flag(10_000);
        f.enabled = false;
        assert!(!evaluate(&f, "u1", &Attributes::new()));
    }

    #[test]
    fn full_rollout_is_on() {
        assert!(evaluate(&flag(10_000), "anyone", &Attributes::new()));
    }

    #[test]
    fn rule_overrides_rollout() {
        let mut f = flag(0);
        f.rules.push(Rule { attribute: "email".into(), op: Op::EndsWith, values: vec!["@acme.io".into()], serve: true });
        let attrs = Attributes::from([("email".to_string(), "kim@acme.io".to_string())]);
        assert!(evaluate(&f, "u1", &attrs));
    }
}
