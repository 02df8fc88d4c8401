use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tower_lsp::{LspService, Server};
use tracing_subscriber::EnvFilter;

use tally_ls::Backend;

/// Editors that cannot spawn a child process connect over TCP with `--listen ADDR`.
/// The first line the client sends must be the shared token from TALLY_LS_SOCKET_TOKEN.
async fn serve_tcp(addr: &str) -> std::io::Result<()> {
    let expected = std::env::var("TALLY_LS_SOCKET_TOKEN")
        .map_err(|_| std::io::Error::other("TALLY_LS_SOCKET_TOKEN must be set when using --listen"))?;
    let listener = TcpListener::bind(addr).await?;
    tracing::info!(%addr, "waiting for the editor to connect");
    let (stream, peer) = listener.accept().await?;
    let (read, mut write) = tokio::io::split(stream);
    let mut reader = BufReader::new(read);
    let mut hello = String::new();
    reader.read_line(&mut hello).await?;
    if hello.trim_end() != expected {
        tracing::warn!(%peer, "rejected connection with a wrong token");
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "bad socket token",
        ));
    }
    write.write_all(b"ok\n").await?;
    let (service, socket) = LspService::new(Backend::new);
    Server::new(reader, write, socket).serve(service).await;
    Ok(())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(EnvFilter::try_from_env("TALLY_LS_LOG").unwrap_or_else(|_| EnvFilter::new("warn")))
        .init();

    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--listen") {
        let addr = args.get(i + 1).map(String::as_str).unwrap_or("127.0.0.1:9257");
        return serve_tcp(addr).await;
    }
    let (service, socket) = LspService::new(Backend::new);
    Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
        .serve(service)
        .await;
    Ok(())
}
