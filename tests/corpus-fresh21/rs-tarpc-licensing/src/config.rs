use std::env;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub redis_url: String,
    pub admin_token: String,
    pub signing_key_file: PathBuf,
    pub smtp_host: String,
    pub smtp_user: String,
    pub smtp_password: String,
    pub mail_mode: MailMode,
    pub data_dir: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailMode {
    Smtp,
    Log,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            listen: env::var("LICENSING_LISTEN").unwrap_or_else(|_| "0.0.0.0:7410".into()).parse()?,
            redis_url: env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/2".into()),
            admin_token: env::var("LICENSING_ADMIN_TOKEN")?,
            signing_key_file: env::var("LICENSE_SIGNING_KEY_FILE")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/Users/tnguyen/dev/licensing/keys/signing.key")),
            smtp_host: env::var("SMTP_HOST").unwrap_or_else(|_| "smtp.mailrelay.example.net".into()),
            smtp_user: env::var("SMTP_USER").unwrap_or_else(|_| "licensing@vendor.example".into()),
            smtp_password: env::var("SMTP_PASSWORD").unwrap_or_else(|_| "Rk7#vQ2!mZp9Lx4w".into()),
            mail_mode: match env::var("MAIL_MODE").as_deref() {
                Ok("log") => MailMode::Log,
                _ => MailMode::Smtp,
            },
            data_dir: env::var("LICENSING_DATA_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|_| PathBuf::from("/var/lib/licensing")),
        })
    }
}
