//! Runs the evaluation code compiled to wasm32 (`wasm-pack test --node`).

use std::collections::HashMap;

use flagship_edge::eval::{evaluate, parse_attributes, Flag, Rule};
use wasm_bindgen_test::*;

const TEST_SDK_KEY: &str = "sdk_test_5e1f0c2a";

fn flag() -> Flag {
    Flag {
        key: "dark-mode".into(),
        enabled: true,
        default: false,
        rules: vec![
            Rule::AllowList { users: vec!["qa-bot".into()] },
            Rule::Attribute { name: "country".into(), one_of: vec!["de".into(), "at".into()] },
        ],
        version: 1,
    }
}

#[wasm_bindgen_test]
fn attribute_rule_matches_in_wasm() {
    let attributes = parse_attributes(&format!("user=u1&attr.country=de&sdk={TEST_SDK_KEY}"));
    assert!(evaluate(&flag(), "u1", &attributes));
}

#[wasm_bindgen_test]
fn allow_list_does_not_leak_to_other_users() {
    assert!(evaluate(&flag(), "qa-bot", &HashMap::new()));
    assert!(!evaluate(&flag(), "qa-bot-2", &HashMap::new()));
}
