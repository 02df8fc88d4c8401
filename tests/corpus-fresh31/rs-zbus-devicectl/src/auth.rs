use std::collections::HashMap;

use tracing::{debug, warn};
use zbus::{fdo, message::Header, names::BusName, Connection};
use zbus_polkit::policykit1::{AuthorityProxy, CheckAuthorizationFlags, Subject};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Power,
    Pair,
    Flash,
    Reset,
    Schedule,
}

impl Action {
    pub fn polkit_id(self) -> &'static str {
        match self {
            Action::Power => "org.example.devicectl.power",
            Action::Pair => "org.example.devicectl.pair",
            Action::Flash => "org.example.devicectl.flash",
            Action::Reset => "org.example.devicectl.reset",
            Action::Schedule => "org.example.devicectl.schedule",
        }
    }
}

/// Resolves the Unix uid of the peer that sent the message.
pub async fn caller_uid(hdr: &Header<'_>, conn: &Connection) -> fdo::Result<u32> {
    let sender = hdr
        .sender()
        .ok_or_else(|| fdo::Error::AccessDenied("message has no sender".into()))?;
    let dbus = fdo::DBusProxy::new(conn).await?;
    dbus.get_connection_unix_user(BusName::Unique(sender.to_owned()))
        .await
}

pub struct Authorizer {
    admin_uids: Vec<u32>,
    polkit: Option<AuthorityProxy<'static>>,
}

impl Authorizer {
    pub async fn new(system: &Connection, admin_uids: Vec<u32>) -> Self {
        let polkit = match AuthorityProxy::new(system).await {
            Ok(p) => Some(p),
            Err(e) => {
                warn!("polkit unavailable, only admin uids will be authorized: {e}");
                None
            }
        };
        Self { admin_uids, polkit }
    }

    /// Only configured admin uids; used by tests and when polkit is absent.
    pub fn admins_only(admin_uids: Vec<u32>) -> Self {
        Self {
            admin_uids,
            polkit: None,
        }
    }

    pub async fn check(
        &self,
        hdr: &Header<'_>,
        conn: &Connection,
        action: Action,
    ) -> fdo::Result<u32> {
        let uid = caller_uid(hdr, conn).await?;
        if uid == 0 || self.admin_uids.contains(&uid) {
            return Ok(uid);
        }
        let Some(authority) = &self.polkit else {
            return Err(fdo::Error::AccessDenied(format!(
                "uid {uid} may not {action:?}"
            )));
        };
        let subject = Subject::new_for_message_header(hdr)
            .map_err(|e| fdo::Error::AccessDenied(format!("cannot identify caller: {e}")))?;
        let result = authority
            .check_authorization(
                &subject,
                action.polkit_id(),
                &HashMap::new(),
                CheckAuthorizationFlags::AllowUserInteraction.into(),
                "",
            )
            .await
            .map_err(|e| fdo::Error::Failed(format!("polkit: {e}")))?;
        debug!(
            uid,
            ?action,
            authorized = result.is_authorized,
            "polkit decision"
        );
        if result.is_authorized {
            Ok(uid)
        } else {
            Err(fdo::Error::AccessDenied(format!(
                "not authorized for {}",
                action.polkit_id()
            )))
        }
    }
}
