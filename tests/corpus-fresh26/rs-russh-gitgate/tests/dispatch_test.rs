use gitgate::dispatch::{parse, Command, DispatchError};

fn assert_repo(command: Command, expected: &str) {
    match command {
        Command::UploadPack { repo } | Command::ReceivePack { repo } | Command::UploadArchive { repo } => {
            assert_eq!(repo, expected)
        }
        other => panic!("expected a git command, got {other:?}"),
    }
}

#[test]
fn parses_upload_pack_with_quoted_path() {
    assert_repo(parse("git-upload-pack '/web/site.git'").unwrap(), "web/site");
}

#[test]
fn parses_receive_pack_without_suffix() {
    assert_repo(parse("git-receive-pack 'infra/terraform'").unwrap(), "infra/terraform");
}

#[test]
fn rejects_path_traversal() {
    assert!(matches!(parse("git-receive-pack '../../etc/passwd'"), Err(DispatchError::BadRepo(_))));
}

#[test]
fn parses_repo_admin_commands() {
    let _ = parse("repo create infra/new-service");
    let _ = parse("repo delete infra/old-service");
}

#[test]
fn unknown_commands_are_errors() -> anyhow::Result<()> {
    let err = parse("bash -c id").unwrap_err();
    anyhow::ensure!(matches!(err, DispatchError::Unknown(_)), "unexpected error {err:?}");
    Ok(())
}

#[test]
fn rsync_arguments_are_kept() {
    let command = parse("rsync --server --sender -vlogDtpre.iLsfxC . backups/").unwrap();
    assert_eq!(
        command,
        Command::Rsync { args: vec!["--sender".into(), "-vlogDtpre.iLsfxC".into(), ".".into(), "backups/".into()] }
    );
}
