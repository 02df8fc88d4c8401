use std::collections::HashMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    AllowList { users: Vec<String> },
    Attribute { name: String, one_of: Vec<String> },
    Percentage { percent: u8, salt: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub key: String,
    pub enabled: bool,
    pub default: bool,
    #[serde(default)]
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub version: u32,
}

impl Flag {
    pub fn validate(&self) -> Result<(), String> {
        if self.key.is_empty() || !self.key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err("flag keys use letters, digits, '-' and '_'".into());
        }
        for rule in &self.rules {
            if let Rule::Percentage { percent, .. } = rule {
                if *percent > 100 {
                    return Err("percent must be between 0 and 100".into());
                }
            }
        }
        Ok(())
    }
}

/// Parses `attr.<name>=<value>` pairs from a query string; other pairs are ignored.
pub fn parse_attributes(query: &str) -> HashMap<String, String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter_map(|(name, value)| name.strip_prefix("attr.").map(|n| (n.to_string(), value.to_string())))
        .filter(|(name, _)| !name.is_empty())
        .collect()
}

pub fn evaluate(flag: &Flag, user_key: &str, attributes: &HashMap<String, String>) -> bool {
    if !flag.enabled {
        return false;
    }
    for rule in &flag.rules {
        let matched = match rule {
            Rule::AllowList { users } => users.iter().any(|user| user == user_key),
            Rule::Attribute { name, one_of } => attributes.get(name).is_some_and(|value| one_of.contains(value)),
            Rule::Percentage { .. } => todo!("percentage rollouts"),
        };
        if matched {
            return true;
        }
    }
    flag.default
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(rules: Vec<Rule>) -> Flag {
        Flag { key: "new-checkout".into(), enabled: true, default: false, rules, version: 3 }
    }

    fn assert_evaluates(flag: &Flag, user: &str, attributes: &[(&str, &str)], expected: bool) {
        let attributes = attributes.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(evaluate(flag, user, &attributes), expected, "flag {} for user {user}", flag.key);
    }

    #[test]
    fn disabled_flags_are_off_for_everyone() {
        let mut f = flag(vec![Rule::AllowList { users: vec!["u1".into()] }]);
        f.enabled = false;
        assert_evaluates(&f, "u1", &[], false);
    }

    #[test]
    fn allow_list_matches_exact_user() {
        let f = flag(vec![Rule::AllowList { users: vec!["u1".into()] }]);
        assert!(evaluate(&f, "u1", &HashMap::new()));
        assert!(!evaluate(&f, "u10", &HashMap::new()));
    }

    #[test]
    fn attribute_rules_read_request_attributes() {
        let f = flag(vec![Rule::Attribute { name: "plan".into(), one_of: vec!["pro".into(), "team".into()] }]);
        let attributes = parse_attributes("user=u7&attr.plan=pro");
        let _ = evaluate(&f, "u7", &attributes);
    }

    #[test]
    fn unmatched_users_get_the_default() {
        let mut f = flag(vec![Rule::AllowList { users: vec!["u1".into()] }]);
        f.default = true;
        assert_evaluates(&f, "u2", &[("plan", "free")], true);
    }

    #[test]
    fn parse_attributes_ignores_other_pairs() {
        let attributes = parse_attributes("user=u1&attr.country=de&attr.=x&broken");
        assert_eq!(attributes.len(), 1);
        assert_eq!(attributes.get("country").map(String::as_str), Some("de"));
    }

    #[test]
    #[should_panic(expected = "letters, digits")]
    fn validate_rejects_spaces_in_keys() {
        let mut f = flag(vec![]);
        f.key = "new checkout".into();
        f.validate().unwrap();
    }
}
