use hmac::{Hmac, Mac};
use sha2::Sha256;
use trillium::{Conn, Status};
use uuid::Uuid;

use super::{path_uuid, server_error};
use crate::{db, outbound::Job, state::AppState};

type HmacSha256 = Hmac<Sha256>;

pub const SOURCE_SIGNATURE_HEADER: &str = "X-Hub-Signature-256";

#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Valid,
    Missing,
    Invalid,
}

fn verify(secret: &str, header: Option<&str>, body: &[u8]) -> Verdict {
    let Some(header) = header else { return Verdict::Missing };
    let Some((algo, hex_sig)) = header.split_once('=') else { return Verdict::Invalid };
    if algo != "sha256" {
        return Verdict::Invalid;
    }
    let Ok(sig) = hex::decode(hex_sig) else { return Verdict::Invalid };
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    match mac.verify_slice(&sig) {
        Ok(()) => Verdict::Valid,
        Err(_) => Verdict::Invalid,
    }
}

pub async fn receive(mut conn: Conn) -> Conn {
    let Some(project_id) = path_uuid(&conn, "project_id") else {
        return conn.with_status(Status::NotFound).halt();
    };
    let body = match conn.request_body_string().await {
        Ok(body) => body.into_bytes(),
        Err(e) => return server_error(conn, e),
    };
    let state = conn.state::<AppState>().expect("state mounted").clone();
    let project = match db::get_project(&state.db, project_id).await {
        Ok(Some(p)) => p,
        Ok(None) => return conn.with_status(Status::NotFound).halt(),
        Err(e) => return server_error(conn, e),
    };

    let header = conn.request_headers().get_str(SOURCE_SIGNATURE_HEADER);
    let status = match verify(&project.inbound_secret, header, &body) {
        Verdict::Valid => None,
        Verdict::Missing => Some(Status::Unauthorized),
        Verdict::Invalid => Some(Status::Forbidden),
    };
    if let Some(status) = status {
        tracing::warn!(project = %project.id, ?status, "rejected inbound webhook");
        return conn.with_status(status).halt();
    }

    let event = conn.request_headers().get_str("X-GitHub-Event").unwrap_or("unknown").to_string();

    state.deliverer.spawn(Job {
        delivery_id: Uuid::new_v4(),
        project_id: project.id,
        target_url: project.target_url.clone(),
        signing_secret: project.signing_secret.clone(),
        event,
        body,
    });
    conn.with_status(Status::Accepted).halt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(secret: &str, body: &[u8]) -> String {
        let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(body);
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    }

    #[test]
    fn accepts_valid_and_rejects_tampered() {
        let header = sign("topsecret", b"{}");
        assert_eq!(verify("topsecret", Some(&header), b"{}"), Verdict::Valid);
        assert_eq!(verify("topsecret", Some(&header), b"{ }"), Verdict::Invalid);
        assert_eq!(verify("topsecret", None, b"{}"), Verdict::Missing);
        assert_eq!(verify("topsecret", Some("sha1=abcd"), b"{}"), Verdict::Invalid);
    }
}
