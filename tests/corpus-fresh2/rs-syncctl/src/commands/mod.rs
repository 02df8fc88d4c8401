pub mod prune;
pub mod pull;
pub mod push;

use anyhow::Context;

use crate::client::Client;
use crate::config::Config;

/// Progress callbacks; `push` reports through this so tests can run quietly.
pub trait Reporter {
    fn progress(&self, done: u64, total: u64);
    fn skipped(&self, key: &str);
}

pub struct StderrReporter;

impl Reporter for StderrReporter {
    fn progress(&self, done: u64, total: u64) {
        eprint!("\r{done}/{total}");
    }

    fn skipped(&self, key: &str) {
        tracing::debug!(%key, "unchanged, skipping");
    }
}

/// Used with `--quiet` and in tests: the trait requires the arguments, we just don't print.
pub struct QuietReporter;

impl Reporter for QuietReporter {
    fn progress(&self, _done: u64, _total: u64) {}

    fn skipped(&self, _key: &str) {}
}

pub fn login(cfg: &Config, token: Option<String>) -> anyhow::Result<()> {
    let token = match token {
        Some(t) => t,
        None => rpassword::prompt_password("syncd token: ").context("reading token")?,
    };
    let who = Client::new(cfg)?.whoami(&token).context("token rejected by server")?;
    keyring::Entry::new("syncctl", &cfg.endpoint)?
        .set_password(&token)
        .context("storing token in the OS keyring")?;
    println!("logged in as {who}");
    Ok(())
}
