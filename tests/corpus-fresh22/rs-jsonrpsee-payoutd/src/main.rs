mod flags;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use payoutd::auth::{hash_secret, KEY_PREFIX};
use payoutd::config::Config;
use payoutd::{db, notify, start_server};
use rand::distributions::Alphanumeric;
use rand::Rng;
use tracing::info;
use tracing_subscriber::EnvFilter;

use crate::flags::{Payoutd, PayoutdCmd};

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .init();

    let args = Payoutd::from_env_or_exit();
    let cfg = Config::load(args.config.as_deref())?;
    let pool = db::connect(&cfg.database_url).await?;

    match args.subcommand {
        PayoutdCmd::Migrate(_) => {
            db::migrate(&pool).await?;
            info!("migrations applied");
        }
        PayoutdCmd::Serve(s) => {
            db::migrate(&pool).await?;
            let bind: SocketAddr = s.bind.as_deref().unwrap_or(&cfg.listen).parse().context("bind address")?;
            serve(cfg, pool, bind).await?;
        }
        PayoutdCmd::CreateKey(k) => {
            let role = k.role.unwrap_or_else(|| "seller".into());
            let prefix: String = rand::thread_rng().sample_iter(&Alphanumeric).take(8).map(char::from).collect();
            let secret: String = rand::thread_rng().sample_iter(&Alphanumeric).take(32).map(char::from).collect();
            let token = format!("{KEY_PREFIX}{prefix}.{secret}");
            let id = db::insert_key(&pool, &k.name, &prefix, &hash_secret(&token), &role, k.seller).await?;
            println!("key {id} ({role}): {token}");
        }
        PayoutdCmd::BankFile(_) => {
            let payouts = db::approved_today(&pool).await?;
            std::fs::create_dir_all(&cfg.bank_file_dir)?;
            let path = cfg.bank_file_dir.join(format!("payouts-{}.csv", chrono::Utc::now().format("%Y%m%d")));
            let mut out = String::from("payout_id,seller_id,amount_cents,currency\n");
            for p in &payouts {
                out.push_str(&format!("{},{},{},{}\n", p.id, p.seller_id, p.amount_cents, p.currency));
            }
            std::fs::write(&path, out).with_context(|| format!("writing {}", path.display()))?;
            for p in &payouts {
                let _ = sqlx::query("UPDATE payouts SET status = 'exported' WHERE id = ? AND status = 'approved'")
                    .bind(p.id)
                    .execute(&pool)
                    .await;
            }
            info!(count = payouts.len(), path = %path.display(), "bank file written");
        }
    }
    Ok(())
}

async fn serve(cfg: Config, pool: sqlx::SqlitePool, bind: SocketAddr) -> Result<()> {
    let notifier = Arc::new(notify::Notifier::new(&cfg)?);
    let (addr, handle) = start_server(pool, notifier, cfg.admin_token.clone(), bind).await?;
    info!(%addr, "payoutd listening");
    handle.stopped().await;
    Ok(())
}
