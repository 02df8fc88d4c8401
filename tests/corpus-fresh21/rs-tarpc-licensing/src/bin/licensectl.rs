use std::net::SocketAddr;

use bpaf::Bpaf;
use tarpc::{client, context, tokio_serde::formats::Json};

use licensing::{IssueRequest, LicensingClient};

#[derive(Debug, Clone, Bpaf)]
#[bpaf(options, version, descr("Operator CLI for the licensing service"))]
struct Cli {
    /// Address of the licensing RPC server
    #[bpaf(long, env("LICENSING_ADDR"), fallback("127.0.0.1:7410".parse().unwrap()))]
    addr: SocketAddr,
    /// Admin token (required for mutating commands)
    #[bpaf(long, env("LICENSING_TOKEN"), fallback(String::new()))]
    token: String,
    #[bpaf(external(command))]
    command: Command,
}

#[derive(Debug, Clone, Bpaf)]
enum Command {
    /// Issue a new license
    #[bpaf(command)]
    Issue {
        #[bpaf(long)]
        customer: String,
        #[bpaf(long)]
        email: String,
        #[bpaf(long, fallback(1))]
        seats: u32,
        #[bpaf(long, fallback(365))]
        days: u32,
    },
    /// Extend a license
    #[bpaf(command)]
    Extend {
        #[bpaf(positional("KEY"))]
        key: String,
        #[bpaf(long, fallback(365))]
        days: u32,
    },
    /// Revoke a license
    #[bpaf(command)]
    Revoke {
        #[bpaf(positional("KEY"))]
        key: String,
    },
    /// Check a license key
    #[bpaf(command)]
    Check {
        #[bpaf(positional("KEY"))]
        key: String,
    },
    /// Print monthly usage for a customer
    #[bpaf(command)]
    Usage {
        #[bpaf(long)]
        customer: String,
        #[bpaf(long)]
        month: String,
    },
    /// Import licenses from the legacy CSV export
    #[bpaf(command)]
    Import {
        #[bpaf(positional("CSV"))]
        path: std::path::PathBuf,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = cli().run();
    let transport = tarpc::serde_transport::tcp::connect(cli.addr, Json::default).await?;
    let client = LicensingClient::new(client::Config::default(), transport).spawn();
    let ctx = context::current();

    match cli.command {
        Command::Issue { customer, email, seats, days } => {
            let license = client
                .issue(ctx, cli.token, IssueRequest { customer, contact_email: email, seats, valid_days: days })
                .await??;
            println!("{}", serde_json::to_string_pretty(&license)?);
        }
        Command::Extend { key, days } => {
            let license = client.extend(ctx, cli.token, key, days).await??;
            println!("extended until {}", license.expires_on);
        }
        Command::Revoke { key } => {
            client.revoke(ctx, cli.token, key.clone()).await??;
            println!("revoked {key}");
        }
        Command::Check { key } => {
            println!("{:?}", client.validate(ctx, key).await?);
        }
        Command::Usage { customer, month } => {
            let report = client.usage_report(ctx, cli.token, customer, month).await??;
            println!("{}", serde_json::to_string_pretty(&report)?);
        }
        Command::Import { path } => {
            todo!("import legacy licenses from {}", path.display())
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_is_consistent() {
        cli().check_invariants(false);
    }

    #[test]
    fn parses_issue() {
        let parsed = cli()
            .run_inner(&["--token", "t", "issue", "--customer", "acme", "--email", "ops@acme.test", "--seats", "5"])
            .unwrap();
        let Command::Issue { customer, seats, .. } = parsed.command else {
            panic!("expected issue command");
        };
        assert_eq!((customer.as_str(), seats), ("acme", 5));
    }
}
