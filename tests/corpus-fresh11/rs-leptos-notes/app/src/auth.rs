use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub is_admin: bool,
}

/// Per-request session, resolved from the session cookie by the server
/// integration and provided through context.
#[derive(Debug, Clone, Default)]
pub struct Session {
    pub user: Option<User>,
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use leptos::{use_context, ServerFnError};

    use super::{Session, User};
    use crate::state::AppState;

    pub fn state() -> Result<AppState, ServerFnError> {
        use_context::<AppState>().ok_or_else(|| ServerFnError::new("AppState missing from context"))
    }

    pub fn require_user() -> Result<User, ServerFnError> {
        use_context::<Session>()
            .and_then(|s| s.user)
            .ok_or_else(|| ServerFnError::new("unauthorized"))
    }

    pub fn require_admin() -> Result<User, ServerFnError> {
        let user = require_user()?;
        if !user.is_admin {
            return Err(ServerFnError::new("forbidden"));
        }
        Ok(user)
    }

    /// Machine clients (the importer) send a static ingest token.
    pub fn require_ingest_token(presented: &str) -> Result<(), ServerFnError> {
        let state = state()?;
        if constant_time_eq::constant_time_eq(presented.as_bytes(), state.ingest_token.as_bytes()) {
            Ok(())
        } else {
            Err(ServerFnError::new("invalid ingest token"))
        }
    }
}
