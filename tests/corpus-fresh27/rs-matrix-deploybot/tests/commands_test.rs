use deploybot::commands::{deploy::HELP, parse, Command, ParseError};

#[test]
fn parses_deploy_command() {
    assert_eq!(
        parse("!deploy billing 2024.06.1").unwrap(),
        Command::Deploy { service: "billing".into(), version: "2024.06.1".into() }
    );
}

#[test]
fn lock_reason_keeps_all_words() {
    assert_eq!(
        parse("!lock api db migration running").unwrap(),
        Command::Lock { service: "api".into(), reason: "db migration running".into() }
    );
}

#[test]
fn ignores_plain_chat() {
    assert_eq!(parse("deploy api 1.0"), Err(ParseError::NotACommand));
    assert_eq!(parse("!"), Err(ParseError::NotACommand));
}

#[test]
fn history_with_count_parses() {
    let _ = parse("!history api 5");
    let _ = parse("!history api five");
}

#[test]
#[should_panic(expected = "usage")]
fn freeze_requires_numeric_hours() {
    parse("!freeze soon").map(|_| ()).map_err(|e| panic!("{e}")).unwrap();
}

#[test]
fn help_text_is_stable() {
    insta::assert_snapshot!(HELP);
}
