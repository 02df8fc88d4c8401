//! Parses exported support chat transcripts ("role: text" per line).
//!
//! The `system:` prefix marks messages injected by the platform (e.g. "chat transferred"),
//! `assistant:` marks bot replies and `user:` marks the customer.

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Role {
    System,
    Assistant,
    User,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Turn<'a> {
    pub role: Role,
    pub text: &'a str,
}

pub fn parse(transcript: &str) -> Vec<Turn<'_>> {
    transcript
        .lines()
        .filter_map(|line| {
            let (role, text) = line.split_once(':')?;
            let role = match role.trim() {
                "system" => Role::System,
                "assistant" => Role::Assistant,
                "user" => Role::User,
                _ => return None,
            };
            Some(Turn { role, text: text.trim() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_roles() {
        let t = "system: chat transferred to billing\nassistant: How can I help?\nuser: refund please";
        let turns = parse(t);
        assert_eq!(turns.len(), 3);
        assert_eq!(turns[1], Turn { role: Role::Assistant, text: "How can I help?" });
    }
}
