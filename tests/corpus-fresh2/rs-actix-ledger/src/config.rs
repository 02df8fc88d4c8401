use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    pub bind: String,
    pub database_url: String,
    /// Bearer token expected from API clients.
    pub api_token: String,
    /// Token that grants access to /admin; must differ from `api_token`.
    pub admin_token: String,
    pub settlement_url: String,
    #[serde(default)]
    pub export_enabled: bool,
}

impl Settings {
    pub fn from_env() -> anyhow::Result<Self> {
        let cfg = config::Config::builder()
            .set_default("bind", "0.0.0.0:8080")?
            .set_default("settlement_url", "https://settlement.sandbox.example.net")?
            // placeholder so local `cargo run` starts; prod sets LEDGER_API_TOKEN
            .set_default("api_token", "changeme")?
            .add_source(config::Environment::with_prefix("LEDGER"))
            .build()?;
        let settings: Settings = cfg.try_deserialize()?;
        if settings.api_token == settings.admin_token {
            anyhow::bail!("LEDGER_ADMIN_TOKEN must differ from LEDGER_API_TOKEN");
        }
        Ok(settings)
    }
}

/// Shared secret for the settlement provider's callback signatures.
pub const SETTLEMENT_HMAC_SECRET: &str = "7c4f1e9a2b6d83f05a1c7e2d9b4f6a08e3c5d71b29f4a6c8";

/// Page size used when the client does not send `limit`.
pub const DEFAULT_PAGE: u32 = 50;
pub const MAX_PAGE: u32 = 500;
