use anyhow::{bail, Result};
use ldap3::{ldap_escape, LdapConnAsync, LdapConnSettings, Scope, SearchEntry};

use crate::config::LdapConfig;

#[tonic::async_trait]
pub trait Directory: Send + Sync {
    /// Returns the user's DN when the password is correct.
    async fn authenticate(&self, user: &str, password: &str) -> Result<Option<String>>;
}

pub struct LdapDirectory {
    config: LdapConfig,
}

impl LdapDirectory {
    pub fn new(config: LdapConfig) -> Self {
        Self { config }
    }

    fn settings(&self) -> LdapConnSettings {
        LdapConnSettings::new()
            .set_conn_timeout(std::time::Duration::from_secs(5))
            // Only reachable for a localhost directory, see Config::load.
            .set_no_tls_verify(self.config.dev_skip_tls_verify)
    }
}

#[tonic::async_trait]
impl Directory for LdapDirectory {
    async fn authenticate(&self, user: &str, password: &str) -> Result<Option<String>> {
        if !user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            bail!("user name contains characters that are not allowed");
        }

        let (conn, mut ldap) =
            LdapConnAsync::with_settings(self.settings(), &self.config.url).await?;
        ldap3::drive!(conn);

        ldap.simple_bind(&self.config.bind_dn, &self.config.bind_password)
            .await?
            .success()?;
        let (entries, _) = ldap
            .search(
                &self.config.base_dn,
                Scope::Subtree,
                &format!("(&(objectClass=person)(uid={}))", ldap_escape(user)),
                vec!["dn"],
            )
            .await?
            .success()?;
        let Some(entry) = entries.into_iter().next() else {
            let _ = ldap.unbind().await;
            return Ok(None);
        };
        let dn = SearchEntry::construct(entry).dn;

        let result = ldap.simple_bind(&dn, password).await?;
        // The connection is dropped right after; a failed unbind changes nothing.
        let _ = ldap.unbind().await;
        Ok((result.rc == 0).then_some(dn))
    }
}
