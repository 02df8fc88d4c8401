//! Parses the command line a client sends in an SSH `exec` request and decides what to run.

use std::path::{Path, PathBuf};

use thiserror::Error;
use tokio::process::Command as Process;

use crate::access::{AccessList, Level};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    UploadPack { repo: String },
    ReceivePack { repo: String },
    UploadArchive { repo: String },
    Rsync { args: Vec<String> },
    RepoList,
    RepoCreate { name: String },
    RepoDelete { name: String },
    Whoami,
}

impl Command {
    pub fn kind(&self) -> &'static str {
        match self {
            Command::UploadPack { .. } => "upload-pack",
            Command::ReceivePack { .. } => "receive-pack",
            Command::UploadArchive { .. } => "upload-archive",
            Command::Rsync { .. } => "rsync",
            Command::RepoList => "repo-list",
            Command::RepoCreate { .. } => "repo-create",
            Command::RepoDelete { .. } => "repo-delete",
            Command::Whoami => "whoami",
        }
    }

    pub fn repo(&self) -> Option<&str> {
        match self {
            Command::UploadPack { repo } | Command::ReceivePack { repo } | Command::UploadArchive { repo } => Some(repo),
            Command::RepoCreate { name } | Command::RepoDelete { name } => Some(name),
            _ => None,
        }
    }
}

#[derive(Debug, Error)]
pub enum DispatchError {
    #[error("could not parse command")]
    Parse,
    #[error("unknown command: {0}")]
    Unknown(String),
    #[error("invalid repository name: {0}")]
    BadRepo(String),
    #[error("access denied to {0}")]
    Denied(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

pub enum Action {
    Reply(String),
    Spawn(Process),
}

pub struct Ctx<'a> {
    pub user: &'a str,
    pub deploy_repo: Option<&'a str>,
    pub access: &'a AccessList,
    pub repos_root: &'a Path,
}

fn normalize_repo(raw: &str) -> Result<String, DispatchError> {
    let name = raw.trim_start_matches('/').trim_end_matches(".git");
    let valid_chars = name.chars().all(|c| c.is_ascii_alphanumeric() || "-_/.".contains(c));
    if name.is_empty() || name.contains("..") || name.starts_with('.') || !valid_chars {
        return Err(DispatchError::BadRepo(raw.to_owned()));
    }
    Ok(name.to_owned())
}

pub fn parse(line: &str) -> Result<Command, DispatchError> {
    let words = shell_words::split(line).map_err(|_| DispatchError::Parse)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["git-upload-pack", repo] => Ok(Command::UploadPack { repo: normalize_repo(repo)? }),
        ["git-receive-pack", repo] => Ok(Command::ReceivePack { repo: normalize_repo(repo)? }),
        ["git-upload-archive", repo] => Ok(Command::UploadArchive { repo: normalize_repo(repo)? }),
        ["rsync", "--server", rest @ ..] => Ok(Command::Rsync { args: rest.iter().map(|s| s.to_string()).collect() }),
        ["repo", "list"] => Ok(Command::RepoList),
        ["repo", "create", name] => Ok(Command::RepoCreate { name: normalize_repo(name)? }),
        ["repo", "delete", name] => Ok(Command::RepoDelete { name: normalize_repo(name)? }),
        ["whoami"] => Ok(Command::Whoami),
        _ => Err(DispatchError::Unknown(line.to_owned())),
    }
}

fn require(ctx: &Ctx<'_>, repo: &str, needed: Level) -> Result<(), DispatchError> {
    if let Some(deploy_repo) = ctx.deploy_repo {
        return if deploy_repo == repo && needed <= Level::Read {
            Ok(())
        } else {
            Err(DispatchError::Denied(repo.to_owned()))
        };
    }
    if ctx.access.level_for(ctx.user, repo) >= needed {
        Ok(())
    } else {
        Err(DispatchError::Denied(repo.to_owned()))
    }
}

fn repo_path(ctx: &Ctx<'_>, repo: &str) -> PathBuf {
    ctx.repos_root.join(format!("{repo}.git"))
}

fn git(ctx: &Ctx<'_>, program: &str, repo: &str) -> Process {
    let mut process = Process::new(program);
    process.arg(repo_path(ctx, repo)).env("GITGATE_USER", ctx.user).kill_on_drop(true);
    process
}

fn list_repos(root: &Path) -> Result<Vec<String>, DispatchError> {
    let mut found = Vec::new();
    for owner in std::fs::read_dir(root)? {
        let owner = owner?;
        if !owner.file_type()?.is_dir() {
            continue;
        }
        for repo in std::fs::read_dir(owner.path())? {
            let name = repo?.file_name().to_string_lossy().into_owned();
            if let Some(stripped) = name.strip_suffix(".git") {
                found.push(format!("{}/{}", owner.file_name().to_string_lossy(), stripped));
            }
        }
    }
    found.sort();
    Ok(found)
}

pub fn run(ctx: &Ctx<'_>, command: &Command) -> Result<Action, DispatchError> {
    match command {
        Command::UploadPack { repo } => {
            require(ctx, repo, Level::Read)?;
            Ok(Action::Spawn(git(ctx, "git-upload-pack", repo)))
        }
        Command::ReceivePack { repo } => {
            require(ctx, repo, Level::Write)?;
            Ok(Action::Spawn(git(ctx, "git-receive-pack", repo)))
        }
        Command::UploadArchive { repo } => {
            require(ctx, repo, Level::Read)?;
            Ok(Action::Spawn(git(ctx, "git-upload-archive", repo)))
        }
        Command::Rsync { .. } => todo!("rsync --server mode"),
        Command::RepoList => {
            let all = list_repos(ctx.repos_root)?;
            let visible = ctx.access.readable_repos(ctx.user, &all);
            Ok(Action::Reply(visible.iter().map(|r| format!("{r}\n")).collect()))
        }
        Command::RepoCreate { name } => {
            require(ctx, name, Level::Admin)?;
            let path = repo_path(ctx, name);
            let status = std::process::Command::new("git").args(["init", "--bare", "--quiet"]).arg(&path).status()?;
            if !status.success() {
                return Err(DispatchError::Io(std::io::Error::other(format!("git init exited with {status}"))));
            }
            Ok(Action::Reply(format!("created {name}\n")))
        }
        Command::RepoDelete { name } => {
            let path = repo_path(ctx, name);
            std::fs::remove_dir_all(&path)?;
            tracing::warn!(repo = %name, user = ctx.user, "repository deleted");
            Ok(Action::Reply(format!("deleted {name}\n")))
        }
        Command::Whoami => Ok(Action::Reply(format!("{}\n", ctx.user))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_git_suffix_and_leading_slash() {
        assert_eq!(normalize_repo("/web/site.git").unwrap(), "web/site");
    }

    #[test]
    fn rejects_hidden_and_traversal_paths() {
        assert!(normalize_repo("../etc").is_err());
        assert!(normalize_repo(".ssh/authorized_keys").is_err());
    }
}
