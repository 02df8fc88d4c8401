use std::env;

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: String,
    pub database_url: String,
    pub admin_key: String,
    pub archive_url: String,
    pub archive_webhook_secret: String,
    pub archive_enabled: bool,
}

impl Config {
    pub fn from_env() -> Self {
        let archive_webhook_secret = env::var("ARCHIVE_WEBHOOK_SECRET").unwrap_or_default();
        let archive_enabled = env::var("ARCHIVE_DISABLED").map(|v| v != "1").unwrap_or(true);
        if archive_enabled && matches!(archive_webhook_secret.as_str(), "" | "changeme") {
            panic!("ARCHIVE_WEBHOOK_SECRET must be set (or ARCHIVE_DISABLED=1)");
        }

        Self {
            listen: env::var("LISTEN").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            database_url: env::var("DATABASE_URL")
                .unwrap_or_else(|_| "sqlite:///home/jdoe/.local/share/bookmarks/bookmarks.db?mode=rwc".into()),
            admin_key: env::var("ADMIN_KEY").unwrap_or_else(|_| "bkm_admin_5f0c9e2a71d84b6e93a0c4f1d7b2e8a9".into()),
            archive_url: env::var("ARCHIVE_URL").unwrap_or_else(|_| "https://api.keepsnap.io/v1".into()),
            archive_webhook_secret,
            archive_enabled,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "ARCHIVE_WEBHOOK_SECRET must be set")]
    fn refuses_placeholder_webhook_secret() {
        env::remove_var("ARCHIVE_DISABLED");
        env::set_var("ARCHIVE_WEBHOOK_SECRET", "changeme");
        let _ = Config::from_env();
    }
}
