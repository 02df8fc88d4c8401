use zbus::fdo;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown device {0}")]
    UnknownDevice(String),
    #[error("storage: {0}")]
    Store(#[from] sled::Error),
    #[error("encoding: {0}")]
    Encoding(#[from] serde_json::Error),
    #[error("firmware server: {0}")]
    Firmware(#[from] reqwest::Error),
    #[error("firmware image digest mismatch for {0}")]
    DigestMismatch(String),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

impl From<Error> for fdo::Error {
    fn from(err: Error) -> Self {
        match err {
            Error::UnknownDevice(d) => fdo::Error::InvalidArgs(format!("unknown device {d}")),
            other => fdo::Error::Failed(other.to_string()),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
