use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Run,
    Requeue { id: i64 },
    Stats,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Args {
    pub command: Command,
    pub database_url: Option<String>,
    /// Maximum number of outbox rows claimed per poll.
    pub batch_size: u32,
    pub poll_interval: Duration,
    pub once: bool,
    pub ca_file: Option<String>,
}

pub const USAGE: &str = "usage: outbox-worker <run|requeue ID|stats> [--database-url URL] [--batch-size N] \
[--poll-interval-ms MS] [--once] [--ca-file PATH]";

pub fn parse<I: IntoIterator<Item = String>>(argv: I) -> Result<Args, String> {
    let mut it = argv.into_iter().skip(1);
    let command = match it.next().as_deref() {
        Some("run") => Command::Run,
        Some("stats") => Command::Stats,
        Some("requeue") => {
            let id = it.next().ok_or("requeue needs an outbox id")?;
            Command::Requeue { id: id.parse().map_err(|_| format!("invalid id: {id}"))? }
        }
        Some(other) => return Err(format!("unknown command: {other}")),
        None => return Err(USAGE.to_string()),
    };
    let mut args = Args {
        command,
        database_url: None,
        batch_size: 25,
        poll_interval: Duration::from_millis(500),
        once: false,
        ca_file: None,
    };
    while let Some(flag) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} expects a value"));
        match flag.as_str() {
            "--database-url" => args.database_url = Some(value("--database-url")?),
            "--batch-size" => {
                args.batch_size = value("--batch-size")?.parse().map_err(|_| "--batch-size must be a number")?
            }
            "--poll-interval-ms" => {
                let ms: u64 = value("--poll-interval-ms")?.parse().map_err(|_| "--poll-interval-ms must be a number")?;
                args.poll_interval = Duration::from_millis(ms);
            }
            "--once" => args.once = true,
            "--ca-file" => args.ca_file = Some(value("--ca-file")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown flag: {other}\n{USAGE}")),
        }
    }
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &str) -> Vec<String> {
        std::iter::once("outbox-worker").chain(s.split_whitespace()).map(String::from).collect()
    }

    #[test]
    fn parses_run_with_flags() {
        let a = parse(argv("run --batch-size 100 --once --poll-interval-ms 50")).unwrap();
        assert_eq!(a.command, Command::Run);
        assert_eq!(a.batch_size, 100);
        assert!(a.once);
        assert_eq!(a.poll_interval, Duration::from_millis(50));
    }

    #[test]
    fn requeue_requires_numeric_id() {
        let err = parse(argv("requeue abc")).unwrap_err();
        assert!(err.contains("invalid id"), "{err}");
    }

    #[test]
    fn unknown_flag_is_rejected() {
        assert!(matches!(parse(argv("stats --verbose")), Err(e) if e.contains("unknown flag")));
    }

    #[test]
    fn parses_ca_file() {
        let _ = parse(argv("run --ca-file /etc/ssl/certs/internal-ca.pem"));
    }
}
