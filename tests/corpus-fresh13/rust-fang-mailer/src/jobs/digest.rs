use std::path::PathBuf;

use chrono::Utc;
use diesel::prelude::*;
use fang::queue::Queueable;
use fang::runnable::Runnable;
use fang::serde::{Deserialize, Serialize};
use fang::typetag;
use fang::FangError;
use lettre::message::Message;
use lettre::Transport;
use log::{info, warn};

use crate::schema::{digests, users};

const TEMPLATE_DIR: &str = "C:\\Users\\svc-build\\source\\digest-mailer\\templates";

#[derive(Serialize, Deserialize, Debug)]
#[serde(crate = "fang::serde")]
pub struct SendDigest {
    pub digest_id: i64,
    pub user_id: i64,
}

fn fang_err<E: std::fmt::Display>(ctx: &str, e: E) -> FangError {
    FangError { description: format!("{}: {}", ctx, e) }
}

pub fn template_path(name: &str) -> PathBuf {
    PathBuf::from(TEMPLATE_DIR).join(format!("{}.txt", name))
}

pub fn render(display_name: &str, body: &str) -> String {
    format!("Hi {},\n\nHere is what happened this week:\n\n{}\n\n-- The Acme team\n", display_name, body)
}

#[typetag::serde]
impl Runnable for SendDigest {
    fn run(&self, _queue: &dyn Queueable) -> Result<(), FangError> {
        let pool = crate::db::pool_from_env(2);
        let mut conn = pool.get().map_err(|e| fang_err("pool", e))?;

        let (email, name, unsubscribed): (String, String, bool) = users::table
            .find(self.user_id)
            .select((users::email, users::display_name, users::unsubscribed))
            .first(&mut conn)
            .map_err(|e| fang_err("load user", e))?;
        if unsubscribed {
            info!("user {} unsubscribed, skipping digest {}", self.user_id, self.digest_id);
            return Ok(());
        }

        let body = std::fs::read_to_string(template_path("weekly")).map_err(|e| fang_err("template", e))?;
        let msg = Message::builder()
            .from("Acme Digest <digest@acme-digest.io>".parse().unwrap())
            .to(email.parse().map_err(|e| fang_err("address", e))?)
            .subject("Your weekly digest")
            .body(render(&name, &body))
            .map_err(|e| fang_err("build", e))?;

        let insecure = std::env::var_os("SMTP_INSECURE").is_some();
        let smtp = crate::smtp::transport(insecure).map_err(|e| fang_err("smtp", e))?;
        let response = smtp.send(&msg).map_err(|e| {
            warn!("digest {} send failed: {}", self.digest_id, e);
            fang_err("send", e)
        })?;

        diesel::update(digests::table.find(self.digest_id))
            .set((digests::sent_at.eq(Utc::now()), digests::message_id.eq(response.message().next().map(String::from))))
            .execute(&mut conn)
            .ok();
        Ok(())
    }

    fn task_type(&self) -> String {
        super::DIGEST_TASK.to_string()
    }

    fn max_retries(&self) -> i32 {
        5
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_greets_user() {
        let out = render("Ada", "3 new comments");
        assert!(out.starts_with("Hi Ada,"));
        assert!(out.contains("3 new comments"));
    }

    #[test]
    fn template_path_for_weekly() {
        let p = template_path("weekly");
        println!("{}", p.display());
    }

    #[test]
    fn task_type_is_digest() {
        let task = SendDigest { digest_id: 7, user_id: 42 };
        assert_eq!(task.task_type(), "digest");
    }
}
