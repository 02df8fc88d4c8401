use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerInfo {
    pub uid: u32,
    pub gid: u32,
    pub pid: Option<i32>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AuthError {
    #[error("uid {0} may not run privileged commands")]
    WrongUser(u32),
    #[error("control token required")]
    MissingToken,
    #[error("control token rejected")]
    BadToken,
}

/// Privileged commands need the daemon's own uid (or root) from SO_PEERCRED and, when a
/// control token is configured, that token as well.
pub struct ControlAuth {
    owner_uid: u32,
    token: Option<String>,
}

impl ControlAuth {
    pub fn new(owner_uid: u32, token: Option<String>) -> Self {
        Self { owner_uid, token }
    }

    pub fn from_token_file(owner_uid: u32, path: Option<&Path>) -> std::io::Result<Self> {
        let token = match path {
            Some(p) => Some(std::fs::read_to_string(p)?.trim().to_string()),
            None => None,
        };
        Ok(Self::new(owner_uid, token))
    }

    pub fn check_privileged(
        &self,
        peer: &PeerInfo,
        presented: Option<&str>,
    ) -> Result<(), AuthError> {
        if peer.uid != self.owner_uid && peer.uid != 0 {
            return Err(AuthError::WrongUser(peer.uid));
        }
        if let Some(expected) = &self.token {
            let presented = presented.ok_or(AuthError::MissingToken)?;
            if presented.as_bytes() != expected.as_bytes() {
                return Err(AuthError::BadToken);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "unit-test-control-token";

    fn peer(uid: u32) -> PeerInfo {
        PeerInfo {
            uid,
            gid: uid,
            pid: Some(4242),
        }
    }

    #[test]
    fn other_users_are_refused() {
        let auth = ControlAuth::new(1000, None);
        assert_eq!(
            auth.check_privileged(&peer(1001), None),
            Err(AuthError::WrongUser(1001))
        );
    }

    #[test]
    fn root_is_allowed_without_token_when_none_is_configured() {
        let auth = ControlAuth::new(1000, None);
        assert!(auth.check_privileged(&peer(0), None).is_ok());
    }

    #[test]
    fn token_is_required_when_configured() {
        let auth = ControlAuth::new(1000, Some(TOKEN.to_string()));
        assert_eq!(
            auth.check_privileged(&peer(1000), None),
            Err(AuthError::MissingToken)
        );
        assert_eq!(
            auth.check_privileged(&peer(1000), Some("wrong")),
            Err(AuthError::BadToken)
        );
        assert!(auth.check_privileged(&peer(1000), Some(TOKEN)).is_ok());
    }
}
