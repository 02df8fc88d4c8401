use clap::{CommandFactory, Parser};
use invoicer::cli::{Cli, Cmd};

const LOCAL_BROKER: &str = "amqp://guest:guest@localhost:5672/%2f";

#[test]
fn cli_definition_is_consistent() {
    Cli::command().debug_assert();
}

#[test]
fn worker_flags_parse() {
    let cli = Cli::try_parse_from(["invoicer", "worker", "--prefetch", "32", "--amqp-url", LOCAL_BROKER]).unwrap();
    match cli.command {
        Cmd::Worker { queue, prefetch, amqp_url } => {
            assert_eq!(queue, "invoicer.commands");
            assert_eq!(prefetch, 32);
            assert_eq!(amqp_url.as_deref(), Some(LOCAL_BROKER));
        }
        other => panic!("parsed as {other:?}"),
    }
}

#[test]
fn render_rejects_unknown_format() {
    assert!(Cli::try_parse_from(["invoicer", "render", "42", "--format", "docx"]).is_err());
}
