#[derive(Debug, thiserror::Error)]
pub enum InvoicerError {
    #[error("invalid message: {0}")]
    InvalidMessage(String),
    #[error("signature check failed for producer {0}")]
    BadSignature(String),
    #[error("producer {producer} may not {action}")]
    Forbidden { producer: String, action: &'static str },
    #[error("invoice {0} not found")]
    NotFound(i64),
    #[error("invoice {0} is in state {1}")]
    InvalidState(i64, String),
    #[error("payment provider: {0}")]
    Payment(String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("http: {0}")]
    Http(#[from] reqwest::Error),
    #[error("mail: {0}")]
    Mail(String),
}

impl InvoicerError {
    /// Whether redelivering the message could succeed.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Db(_) | Self::Http(_) | Self::Mail(_) => true,
            Self::Payment(msg) => msg.starts_with("5"),
            _ => false,
        }
    }
}

impl From<serde_json::Error> for InvoicerError {
    fn from(e: serde_json::Error) -> Self {
        Self::InvalidMessage(e.to_string())
    }
}
