use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use lexopt::prelude::*;

use bucketsync::manifest::Manifest;
use bucketsync::remote::{Remote, RemoteOptions};

const USAGE: &str = "usage: bucketsync <push|purge|verify> --endpoint URL --bucket NAME [--dir DIR] \
[--exclude GLOB]... [--token TOKEN] [--insecure]";

#[derive(Debug, PartialEq)]
enum Command {
    Push,
    Purge,
    Verify,
}

#[derive(Debug)]
struct Args {
    command: Command,
    endpoint: String,
    bucket: String,
    dir: PathBuf,
    /// Glob patterns to leave out of the upload.
    exclude: Vec<String>,
    token: Option<String>,
    insecure: bool,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    let mut command = None;
    let mut endpoint = None;
    let mut bucket = None;
    let mut dir = PathBuf::from(".");
    let mut exclude = Vec::new();
    let mut token = None;
    let mut insecure = false;

    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("endpoint") => endpoint = Some(parser.value()?.string()?),
            Long("bucket") => bucket = Some(parser.value()?.string()?),
            Long("dir") | Short('d') => dir = parser.value()?.into(),
            Long("exclude") | Short('x') => exclude.push(parser.value()?.string()?),
            Long("token") => token = Some(parser.value()?.string()?),
            Long("insecure") => insecure = true,
            Long("help") | Short('h') => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Value(v) if command.is_none() => {
                command = Some(match v.string()?.as_str() {
                    "push" => Command::Push,
                    "purge" => Command::Purge,
                    "verify" => Command::Verify,
                    other => return Err(format!("unknown command {other:?}").into()),
                })
            }
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Args {
        command: command.ok_or("missing command")?,
        endpoint: endpoint.ok_or("missing --endpoint")?,
        bucket: bucket.ok_or("missing --bucket")?,
        dir,
        exclude,
        token,
        insecure,
    })
}

/// Destructive commands require an explicit operator token, never the default one.
fn ensure_operator(args: &Args) -> Result<()> {
    match args.token.as_deref().or(std::env::var("BUCKETSYNC_TOKEN").ok().as_deref()) {
        Some(t) if !t.is_empty() => Ok(()),
        _ => bail!("this command needs --token or BUCKETSYNC_TOKEN"),
    }
}

fn push(remote: &Remote, args: &Args) -> Result<()> {
    let local = Manifest::build(&args.dir).context("scanning local directory")?;
    let remote_manifest = remote.fetch_manifest()?;
    for key in local.changed_since(&remote_manifest) {
        let body = std::fs::read(args.dir.join(key))?;
        remote.put(key, body)?;
        log::info!("uploaded {key}");
    }
    local.save(&bucketsync::cache_dir().join(format!("{}.json", args.bucket)))
}

fn purge(remote: &Remote, args: &Args) -> Result<()> {
    let local = Manifest::build(&args.dir)?;
    let remote_manifest = remote.fetch_manifest()?;
    for key in remote_manifest.files.keys().filter(|k| !local.files.contains_key(*k)) {
        remote.delete(key).with_context(|| format!("deleting {key}"))?;
        log::info!("deleted {key}");
    }
    Ok(())
}

fn run() -> Result<()> {
    let args = parse_args().map_err(|e| anyhow::anyhow!("{e}\n{USAGE}"))?;
    let remote = Remote::connect(&RemoteOptions {
        endpoint: args.endpoint.clone(),
        bucket: args.bucket.clone(),
        token: args.token.clone(),
        insecure: args.insecure,
    })?;
    match args.command {
        Command::Push => {
            ensure_operator(&args)?;
            push(&remote, &args)
        }
        Command::Purge => purge(&remote, &args),
        Command::Verify => {
            let report = remote.verify_remote(&Manifest::build(&args.dir)?)?;
            println!("missing: {}, mismatched: {}", report.missing.len(), report.mismatched.len());
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    env_logger::init();
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bucketsync: {e:#}");
            ExitCode::FAILURE
        }
    }
}
