use std::collections::{HashMap, HashSet};

use hmac::{Hmac, Mac};
use sha2::Sha256;
use thiserror::Error;

use crate::model::CommandEnvelope;

type HmacSha256 = Hmac<Sha256>;

const MAX_SKEW_SECS: i64 = 300;

#[derive(Debug, Error, PartialEq)]
pub enum AuthError {
    #[error("command signature invalid")]
    BadSignature,
    #[error("command expired or from the future")]
    Stale,
    #[error("operator {0} may not {1}")]
    NotPermitted(String, &'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Disconnect,
    Reconnect,
    Tariff,
    Firmware,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Disconnect => "disconnect",
            Action::Reconnect => "reconnect",
            Action::Tariff => "tariff",
            Action::Firmware => "firmware",
        }
    }

    fn parse(s: &str) -> Option<Action> {
        match s {
            "disconnect" => Some(Action::Disconnect),
            "reconnect" => Some(Action::Reconnect),
            "tariff" => Some(Action::Tariff),
            "firmware" => Some(Action::Firmware),
            _ => None,
        }
    }
}

/// Per-meter keys are derived from the master key, so devices never share a secret.
pub struct DeviceKeys {
    master: Vec<u8>,
}

impl DeviceKeys {
    pub fn new(master: &str) -> DeviceKeys {
        DeviceKeys {
            master: master.as_bytes().to_vec(),
        }
    }

    pub fn key_for(&self, meter_id: &str) -> Vec<u8> {
        let mut mac =
            HmacSha256::new_from_slice(&self.master).expect("hmac accepts any key length");
        mac.update(meter_id.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    pub fn sign(&self, meter_id: &str, topic: &str, env: &CommandEnvelope) -> String {
        let mut mac = HmacSha256::new_from_slice(&self.key_for(meter_id)).expect("hmac key");
        mac.update(signing_input(topic, env).as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    pub fn verify(
        &self,
        meter_id: &str,
        topic: &str,
        env: &CommandEnvelope,
        now: i64,
    ) -> Result<(), AuthError> {
        if (now - env.issued_at).abs() > MAX_SKEW_SECS {
            return Err(AuthError::Stale);
        }
        let expected = self.sign(meter_id, topic, env);
        if expected != env.sig.to_ascii_lowercase() {
            return Err(AuthError::BadSignature);
        }
        Ok(())
    }
}

fn signing_input(topic: &str, env: &CommandEnvelope) -> String {
    format!("{}|{}|{}|{}", topic, env.nonce, env.issued_at, env.body)
}

/// Which operator may perform which action. Operator names come from the topic, which the
/// broker's ACL only lets that operator's client publish to.
pub struct OperatorAcl {
    grants: HashMap<String, HashSet<Action>>,
}

impl OperatorAcl {
    pub fn from_config(raw: &HashMap<String, Vec<String>>) -> OperatorAcl {
        let grants = raw
            .iter()
            .map(|(name, actions)| {
                let set = actions.iter().filter_map(|a| Action::parse(a)).collect();
                (name.clone(), set)
            })
            .collect();
        OperatorAcl { grants }
    }

    pub fn require(&self, operator: &str, action: Action) -> Result<(), AuthError> {
        match self.grants.get(operator) {
            Some(actions) if actions.contains(&action) => Ok(()),
            _ => Err(AuthError::NotPermitted(
                operator.to_string(),
                action.as_str(),
            )),
        }
    }
}
