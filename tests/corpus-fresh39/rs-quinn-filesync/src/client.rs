use std::net::SocketAddr;

use anyhow::{bail, Context};
use bytes::Bytes;
use quinn::{Connection, Endpoint};

use crate::protocol::{split_frame, Entry, Request, Response, MAX_FRAME};

pub struct Client {
    conn: Connection,
}

impl Client {
    pub async fn connect(
        config: quinn::ClientConfig,
        addr: SocketAddr,
        server_name: &str,
    ) -> anyhow::Result<Self> {
        let mut endpoint = Endpoint::client("0.0.0.0:0".parse()?)?;
        endpoint.set_default_client_config(config);
        let conn = endpoint
            .connect(addr, server_name)?
            .await
            .with_context(|| format!("connecting to {addr}"))?;
        Ok(Self { conn })
    }

    pub async fn call(&self, request: Request) -> anyhow::Result<Response> {
        let (mut send, mut recv) = self.conn.open_bi().await?;
        send.write_all(&request.encode()).await?;
        send.finish()?;
        let raw = recv.read_to_end(MAX_FRAME + 4).await?;
        Ok(Response::decode(split_frame(Bytes::from(raw))?)?)
    }

    async fn expect_ok(&self, request: Request) -> anyhow::Result<()> {
        match self.call(request).await? {
            Response::Ok => Ok(()),
            Response::Error { code, message } => bail!("server error {code}: {message}"),
            other => bail!("unexpected response {other:?}"),
        }
    }

    pub async fn auth(&self, token: &str) -> anyhow::Result<()> {
        self.expect_ok(Request::Auth {
            token: token.to_string(),
        })
        .await
    }

    pub async fn put(&self, path: &str, data: Bytes, overwrite: bool) -> anyhow::Result<()> {
        self.expect_ok(Request::Put {
            path: path.to_string(),
            overwrite,
            data,
        })
        .await
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<Bytes> {
        match self
            .call(Request::Get {
                path: path.to_string(),
            })
            .await?
        {
            Response::Data(data) => Ok(data),
            Response::Error { code, message } => bail!("server error {code}: {message}"),
            other => bail!("unexpected response {other:?}"),
        }
    }

    pub async fn delete(&self, path: &str) -> anyhow::Result<()> {
        self.expect_ok(Request::Delete {
            path: path.to_string(),
        })
        .await
    }

    pub async fn list(&self, prefix: &str, since: u64) -> anyhow::Result<Vec<Entry>> {
        match self
            .call(Request::List {
                prefix: prefix.to_string(),
                since,
            })
            .await?
        {
            Response::Entries(entries) => Ok(entries),
            Response::Error { code, message } => bail!("server error {code}: {message}"),
            other => bail!("unexpected response {other:?}"),
        }
    }

    pub fn close(&self) {
        self.conn.close(0u32.into(), b"bye");
    }
}
