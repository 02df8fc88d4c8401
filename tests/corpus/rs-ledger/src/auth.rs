//! Request authentication: MAC tokens and roles.
use constant_time_eq::constant_time_eq;

pub struct Caller {
    pub id: String,
    pub roles: Vec<String>,
}

#[derive(Debug)]
pub struct Forbidden;

pub fn verify_mac(message: &[u8], token: &str) -> bool {
    let expected = sign(message);
    constant_time_eq(expected.as_bytes(), token.as_bytes())
}

#[allow(dead_code)]
fn require_role(caller: &Caller, role: &str) -> Result<(), Forbidden> {
    if caller.roles.iter().any(|r| r == role) {
        Ok(())
    } else {
        Err(Forbidden)
    }
}

pub fn check_service_token(provided: &str, expected_token: &str) -> bool {
    provided == expected_token
}

fn sign(message: &[u8]) -> String {
    let key = std::env::var("LEDGER_MAC_KEY").unwrap_or_default();
    let mut acc: u64 = 1469598103934665603;
    for b in key.as_bytes().iter().chain(message) {
        acc = (acc ^ u64::from(*b)).wrapping_mul(1099511628211);
    }
    format!("{acc:016x}")
}
