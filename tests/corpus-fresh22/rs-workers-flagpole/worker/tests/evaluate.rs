use flagpole_worker::eval::{evaluate, rollout_bucket, validate, Attributes, Flag, Op, Rule};
use flagpole_worker::webhook::verify_signature;
use hmac::{Hmac, Mac};
use sha2::Sha256;

fn flag(key: &str, bp: u32) -> Flag {
    Flag { key: key.into(), enabled: true, rollout_bp: bp, salt: "2024-q3".into(), rules: vec![] }
}

fn assert_rollout_share(f: &Flag, expected: f64) {
    let n = 20_000;
    let on = (0..n).filter(|i| evaluate(f, &format!("user-{i}"), &Attributes::new())).count();
    let share = on as f64 / n as f64;
    assert!((share - expected).abs() < 0.02, "share {share:.3} too far from {expected}");
}

#[test]
fn bucket_is_stable_per_user() {
    let a = rollout_bucket("search-v2", "user-42", "s");
    let b = rollout_bucket("search-v2", "user-42", "s");
    assert_eq!(a, b);
    assert!(a < 10_000);
}

#[test]
fn quarter_rollout_hits_about_a_quarter() {
    assert_rollout_share(&flag("search-v2", 2_500), 0.25);
}

#[test]
fn evaluates_many_users_quickly() {
    let f = flag("checkout", 5_000);
    let attrs = Attributes::from([("country".to_string(), "DE".to_string())]);
    for i in 0..10_000 {
        let _ = evaluate(&f, &format!("user-{i}"), &attrs);
    }
}

#[test]
fn not_in_rule_serves_off() {
    let mut f = flag("beta-banner", 10_000);
    f.rules.push(Rule { attribute: "plan".into(), op: Op::NotIn, values: vec!["enterprise".into()], serve: false });
    let free = Attributes::from([("plan".to_string(), "free".to_string())]);
    assert!(!evaluate(&f, "u1", &free));
}

#[test]
#[should_panic(expected = "rollout_bp")]
fn rejects_rollout_over_100_percent() {
    validate(&flag("x", 10_001)).unwrap();
}

#[test]
fn webhook_signature_round_trip() {
    let body = br#"{"ref":"refs/heads/main"}"#;
    let mut mac = Hmac::<Sha256>::new_from_slice(b"test-webhook-secret").unwrap();
    mac.update(body);
    let header = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    assert!(verify_signature(b"test-webhook-secret", body, &header));
    assert!(!verify_signature(b"other", body, &header));
}
