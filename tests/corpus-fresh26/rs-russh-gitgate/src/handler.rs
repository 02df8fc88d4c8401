use std::{collections::HashMap, net::SocketAddr, process::Stdio, sync::Arc, time::Duration};

use anyhow::anyhow;
use async_trait::async_trait;
use russh::{
    server::{self, Auth, Msg, Session},
    Channel, ChannelId, CryptoVec,
};
use russh_keys::key::PublicKey;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    process::ChildStdin,
};

use crate::{
    access::AccessList,
    audit::AuditLog,
    config::ServerConfig,
    dispatch::{self, Action, Command},
    hooks::Notifier,
};

#[derive(Clone)]
pub struct GitServer {
    pub access: Arc<AccessList>,
    pub config: Arc<ServerConfig>,
    pub audit: Arc<AuditLog>,
    pub notifier: Arc<dyn Notifier>,
}

impl server::Server for GitServer {
    type Handler = GitHandler;

    fn new_client(&mut self, peer_addr: Option<SocketAddr>) -> GitHandler {
        tracing::debug!(peer = ?peer_addr, "new connection");
        GitHandler {
            peer: peer_addr,
            user: None,
            deploy_repo: None,
            server: self.clone(),
            stdin: HashMap::new(),
        }
    }

    fn handle_session_error(&mut self, error: <Self::Handler as server::Handler>::Error) {
        tracing::warn!(error = %error, "session ended with an error");
    }
}

pub struct GitHandler {
    peer: Option<SocketAddr>,
    user: Option<String>,
    deploy_repo: Option<String>,
    server: GitServer,
    stdin: HashMap<ChannelId, ChildStdin>,
}

impl GitHandler {
    fn fail(&self, channel: ChannelId, session: &mut Session, message: &str) {
        session.extended_data(channel, 1, CryptoVec::from(format!("gitgate: {message}\n")));
        session.exit_status_request(channel, 1);
        session.eof(channel);
        session.close(channel);
    }
}

#[async_trait]
impl server::Handler for GitHandler {
    type Error = anyhow::Error;

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        let access = &self.server.access;
        if let Some(repo) = user.strip_prefix("deploy+") {
            if access.check_deploy_token(repo, password) {
                self.user = Some(user.to_owned());
                self.deploy_repo = Some(repo.to_owned());
                return Ok(Auth::Accept);
            }
        } else if access.check_password(user, password) {
            self.user = Some(user.to_owned());
            return Ok(Auth::Accept);
        }

        tracing::info!(user, peer = ?self.peer, "password authentication failed");
        tokio::time::sleep(Duration::from_millis(self.server.config.auth_rejection_delay_ms)).await;
        Ok(Auth::Reject { proceed_with_methods: None })
    }

    async fn auth_publickey(&mut self, user: &str, public_key: &PublicKey) -> Result<Auth, Self::Error> {
        if self.server.access.check_key(user, public_key) {
            tracing::info!(user, peer = ?self.peer, "publickey authentication succeeded");
            self.user = Some(user.to_owned());
            return Ok(Auth::Accept);
        }
        Ok(Auth::Reject { proceed_with_methods: None })
    }

    async fn channel_open_session(&mut self, channel: Channel<Msg>, _session: &mut Session) -> Result<bool, Self::Error> {
        tracing::debug!(channel = ?channel.id(), user = ?self.user, "session channel opened");
        Ok(true)
    }

    async fn data(&mut self, channel: ChannelId, data: &[u8], _session: &mut Session) -> Result<(), Self::Error> {
        if let Some(stdin) = self.stdin.get_mut(&channel) {
            stdin.write_all(data).await?;
        }
        Ok(())
    }

    async fn channel_eof(&mut self, channel: ChannelId, _session: &mut Session) -> Result<(), Self::Error> {
        // Dropping stdin closes the pipe so git sees end of input.
        self.stdin.remove(&channel);
        Ok(())
    }

    async fn exec_request(&mut self, channel: ChannelId, data: &[u8], session: &mut Session) -> Result<(), Self::Error> {
        let user = self.user.clone().ok_or_else(|| anyhow!("exec request before authentication"))?;
        let line = String::from_utf8_lossy(data).into_owned();

        let command = match dispatch::parse(&line) {
            Ok(command) => command,
            Err(e) => {
                self.fail(channel, session, &e.to_string());
                return Ok(());
            }
        };

        self.server.audit.record(&user, command.kind(), command.repo().unwrap_or("-"), self.peer).ok();

        let ctx = dispatch::Ctx {
            user: &user,
            deploy_repo: self.deploy_repo.as_deref(),
            access: &self.server.access,
            repos_root: &self.server.config.repos_root,
        };

        match dispatch::run(&ctx, &command) {
            Ok(Action::Reply(text)) => {
                session.data(channel, CryptoVec::from(text));
                session.exit_status_request(channel, 0);
                session.eof(channel);
                session.close(channel);
            }
            Ok(Action::Spawn(mut process)) => {
                let mut child = process.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn()?;
                if let Some(stdin) = child.stdin.take() {
                    self.stdin.insert(channel, stdin);
                }
                let mut stdout = child.stdout.take().ok_or_else(|| anyhow!("child has no stdout"))?;
                let handle = session.handle();
                let notifier = self.server.notifier.clone();
                let pushed = matches!(command, Command::ReceivePack { .. }).then(|| command.repo().map(str::to_owned)).flatten();

                tokio::spawn(async move {
                    let mut buf = vec![0u8; 32 * 1024];
                    loop {
                        match stdout.read(&mut buf).await {
                            Ok(0) => break,
                            Ok(n) => {
                                if handle.data(channel, CryptoVec::from_slice(&buf[..n])).await.is_err() {
                                    break;
                                }
                            }
                            Err(e) => {
                                tracing::warn!(error = %e, "reading git output failed");
                                break;
                            }
                        }
                    }
                    let code = match child.wait().await {
                        Ok(status) => status.code().unwrap_or(1) as u32,
                        Err(e) => {
                            tracing::error!(error = %e, "waiting for git failed");
                            1
                        }
                    };
                    if code == 0 {
                        if let Some(repo) = pushed {
                            if let Err(e) = notifier.push_received(&user, &repo).await {
                                tracing::warn!(error = %e, %repo, "push notification failed");
                            }
                        }
                    }
                    let _ = handle.exit_status_request(channel, code).await;
                    let _ = handle.eof(channel).await;
                    let _ = handle.close(channel).await;
                });
            }
            Err(e) => {
                tracing::info!(user = %user, command = command.kind(), error = %e, "command rejected");
                self.fail(channel, session, &e.to_string());
            }
        }
        Ok(())
    }
}
