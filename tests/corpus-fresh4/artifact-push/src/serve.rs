use std::io::Read;

use anyhow::Result;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::config::Config;
use crate::manifest::verify_webhook;

fn authorized(req: &Request, cfg: &Config, body: &[u8]) -> bool {
    req.headers()
        .iter()
        .find(|h| h.field.equiv("X-Registry-Signature"))
        .map(|h| verify_webhook(cfg.webhook_secret.as_bytes(), body, h.value.as_str()))
        .unwrap_or(false)
}

pub fn run(listen: &str, cfg: &Config) -> Result<()> {
    let server = Server::http(listen).map_err(|e| anyhow::anyhow!(e))?;
    log::info!("listening on {listen}");
    for mut req in server.incoming_requests() {
        let mut body = Vec::new();
        if let Err(e) = req.as_reader().read_to_end(&mut body) {
            log::warn!("dropping request with unreadable body: {e}");
            // The client is already gone; a failed error response is not actionable.
            let _ = req.respond(Response::empty(400));
            continue;
        }
        let response = match (req.method(), req.url()) {
            (Method::Get, "/healthz") => Response::from_string("ok"),
            (Method::Post, "/hooks/purge-cache") => {
                std::fs::remove_dir_all(&cfg.cache_dir)?;
                Response::from_string("purged")
            }
            (Method::Post, "/hooks/build-finished") => Response::from_string("queued"),
            _ => Response::from_string("not found").with_status_code(404),
        };
        let response = response.with_header(Header::from_bytes("content-type", "text/plain").unwrap());
        if let Err(e) = req.respond(response) {
            log::warn!("failed to write response: {e}");
        }
    }
    Ok(())
}
