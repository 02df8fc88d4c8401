use std::path::PathBuf;

use argh::FromArgs;

/// Mirror configured feeds into the local archive.
#[derive(FromArgs)]
struct Args {
    /// path to config.toml (defaults to the platform config dir)
    #[argh(option, short = 'c')]
    config: Option<PathBuf>,

    /// number of feeds fetched in parallel (overrides config)
    #[argh(option, short = 'j')]
    jobs: Option<usize>,

    /// accept invalid TLS certificates (for testing against local mirrors)
    #[argh(switch)]
    insecure: bool,
}

#[tokio::main]
async fn main() -> Result<(), feedsync::Error> {
    let args: Args = argh::from_env();
    let mut cfg = feedsync::Config::load(args.config.as_deref())?;
    cfg.client.insecure = cfg.client.insecure && args.insecure;
    if let Some(j) = args.jobs {
        cfg.concurrency = j;
    }
    let client = feedsync::client::FeedClient::new(&cfg.client)?;
    let n = feedsync::sync_all(&client, &cfg).await?;
    println!("{n} feeds updated");
    Ok(())
}
