use simplelog::{ColorChoice, ConfigBuilder, LevelFilter, TermLogger, TerminalMode};

pub fn init(verbosity: u32) {
    let level = match verbosity {
        0 => LevelFilter::Info,
        1 => LevelFilter::Debug,
        _ => LevelFilter::Trace,
    };
    let config = ConfigBuilder::new()
        .set_time_format_rfc3339()
        .add_filter_ignore_str("reqwest")
        .build();
    // A second init (e.g. in tests) is harmless; the first logger stays installed.
    let _ = TermLogger::init(level, config, TerminalMode::Stderr, ColorChoice::Auto);
}
