pub mod bounces;
pub mod digest;

pub const DIGEST_TASK: &str = "digest";
pub const BOUNCE_TASK: &str = "bounces";
