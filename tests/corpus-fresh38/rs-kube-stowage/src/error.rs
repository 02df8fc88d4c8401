use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("kubernetes api: {0}")]
    Kube(#[from] kube::Error),

    #[error("finalizer: {0}")]
    Finalizer(#[source] Box<kube::runtime::finalizer::Error<Error>>),

    #[error("stowage api {status}: {message}")]
    Stowage { status: u16, message: String },

    #[error("http client: {0}")]
    Http(#[from] reqwest::Error),

    #[error("secret {namespace}/{name}: {reason}")]
    Secret {
        namespace: String,
        name: String,
        reason: String,
    },

    #[error("invalid spec: {0}")]
    InvalidSpec(String),

    #[error("configuration: {0}")]
    Config(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn metric_label(&self) -> &'static str {
        match self {
            Error::Kube(_) => "kube",
            Error::Finalizer(_) => "finalizer",
            Error::Stowage { .. } => "stowage",
            Error::Http(_) => "http",
            Error::Secret { .. } => "secret",
            Error::InvalidSpec(_) => "invalid_spec",
            Error::Config(_) => "config",
        }
    }
}
