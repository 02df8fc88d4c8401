//! SSH/SFTP session handling on top of libssh2.

use std::{
    fs::File,
    io,
    net::{TcpStream, ToSocketAddrs},
    path::Path,
    time::Duration,
};

use anyhow::{anyhow, bail, Context, Result};
use ssh2::{CheckResult, KnownHostFileKind, OpenFlags, OpenType, Session, Sftp};

use crate::config::{Config, Target};

fn millis(timeout: Duration) -> u32 {
    u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX)
}

pub struct Connection {
    pub session: Session,
    pub sftp: Sftp,
}

/// Opens an authenticated SFTP session to `target`. The server's host key
/// must already be present in the configured known_hosts file.
pub fn connect(cfg: &Config, target: &Target, timeout: Duration) -> Result<Connection> {
    let addr = (target.host.as_str(), target.port)
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| anyhow!("{} did not resolve", target.host))?;
    let tcp = TcpStream::connect_timeout(&addr, timeout).with_context(|| format!("connecting to {addr}"))?;

    let mut session = Session::new()?;
    session.set_tcp_stream(tcp);
    session.set_timeout(millis(timeout));
    session.handshake().context("SSH handshake")?;

    let (host_key, _) = session.host_key().ok_or_else(|| anyhow!("server sent no host key"))?;
    let mut known_hosts = session.known_hosts()?;
    known_hosts
        .read_file(&cfg.known_hosts, KnownHostFileKind::OpenSSH)
        .with_context(|| format!("reading {}", cfg.known_hosts.display()))?;
    match known_hosts.check_port(&target.host, target.port, host_key) {
        CheckResult::Match => {}
        CheckResult::NotFound => bail!("host key for {} is not in {}", target.host, cfg.known_hosts.display()),
        CheckResult::Mismatch => bail!("HOST KEY MISMATCH for {}; refusing to connect", target.host),
        CheckResult::Failure => bail!("could not check host key for {}", target.host),
    }

    session
        .userauth_pubkey_file(&target.user, None, &cfg.identity_file, None)
        .with_context(|| format!("authenticating as {}", target.user))?;
    let sftp = session.sftp()?;
    Ok(Connection { session, sftp })
}

/// Uploads `local` to `remote` through a temporary name and renames it into
/// place so readers never see a half-written file.
pub fn upload_file(sftp: &Sftp, local: &Path, remote: &Path, mode: i32) -> Result<u64> {
    let tmp = remote.with_extension("part");
    let mut src = File::open(local).with_context(|| format!("opening {}", local.display()))?;
    let mut dst = sftp.open_mode(
        &tmp,
        OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE,
        0o644,
        OpenType::File,
    )?;
    let written = io::copy(&mut src, &mut dst)?;
    drop(dst);
    sftp.rename(&tmp, remote, Some(ssh2::RenameFlags::OVERWRITE | ssh2::RenameFlags::ATOMIC))
        .with_context(|| format!("renaming {} into place", tmp.display()))?;
    Ok(written)
}

pub fn ensure_dir(sftp: &Sftp, dir: &Path) -> Result<()> {
    let mut current = std::path::PathBuf::new();
    for part in dir.components() {
        current.push(part);
        if sftp.stat(&current).is_err() {
            sftp.mkdir(&current, 0o755)
                .with_context(|| format!("creating {}", current.display()))?;
        }
    }
    Ok(())
}
