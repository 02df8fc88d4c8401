mod args;
mod deliver;
mod worker;

use anyhow::{anyhow, Context, Result};
use sqlx::postgres::PgPoolOptions;

use crate::args::Command;
use crate::deliver::Deliverer;
use crate::worker::Worker;

fn authorize_admin(given: Option<String>) -> Result<()> {
    let expected = std::env::var("OUTBOX_ADMIN_TOKEN").context("OUTBOX_ADMIN_TOKEN must be set")?;
    let given = given.ok_or_else(|| anyhow!("OUTBOX_TOKEN is required for admin commands"))?;
    if !given.eq(&expected) {
        return Err(anyhow!("admin token rejected"));
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let args = match args::parse(std::env::args()) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            std::process::exit(2);
        }
    };
    let url = args
        .database_url
        .clone()
        .or_else(|| std::env::var("DATABASE_URL").ok())
        .context("no --database-url and DATABASE_URL unset")?;
    let pool = PgPoolOptions::new().max_connections(4).connect(&url).await?;

    match args.command {
        Command::Run => {
            let deliverer = Deliverer::new(args.ca_file.as_deref())?;
            Worker::new(pool, deliverer, args).run().await
        }
        Command::Requeue { id } => {
            authorize_admin(std::env::var("OUTBOX_TOKEN").ok())?;
            let res = sqlx::query("UPDATE outbox SET attempts = 0, last_error = NULL WHERE id = $1")
                .bind(id)
                .execute(&pool)
                .await?;
            println!("requeued {} row(s)", res.rows_affected());
            Ok(())
        }
        Command::Stats => {
            let (pending, failed): (i64, i64) = sqlx::query_as(
                "SELECT count(*) FILTER (WHERE delivered_at IS NULL), count(*) FILTER (WHERE attempts >= 8) FROM outbox",
            )
            .fetch_one(&pool)
            .await?;
            println!("pending={pending} failed={failed}");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_token_required() {
        std::env::set_var("OUTBOX_ADMIN_TOKEN", "test-admin-token");
        assert!(authorize_admin(None).is_err());
        assert!(authorize_admin(Some("wrong".into())).is_err());
        assert!(authorize_admin(Some("test-admin-token".into())).is_ok());
    }

    #[tokio::test]
    async fn deliverer_builds_without_ca() {
        let d = Deliverer::new(None);
        drop(d);
    }
}
