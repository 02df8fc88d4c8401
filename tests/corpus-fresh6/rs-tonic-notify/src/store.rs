use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::RwLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Queued,
    Delivered,
    Failed(String),
}

#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "store: {}", self.0)
    }
}

#[derive(Clone, Default)]
pub struct Store {
    inner: Arc<RwLock<Inner>>,
}

#[derive(Default)]
struct Inner {
    messages: HashMap<String, (String, State)>,
    webhook_urls: HashMap<String, String>,
}

impl Store {
    pub async fn insert(&self, id: &str, tenant: &str) -> Result<(), StoreError> {
        let mut g = self.inner.write().await;
        if g.messages.contains_key(id) {
            return Err(StoreError(format!("duplicate id {id}")));
        }
        g.messages.insert(id.to_owned(), (tenant.to_owned(), State::Queued));
        Ok(())
    }

    pub async fn set_state(&self, id: &str, state: State) -> Result<(), StoreError> {
        let mut g = self.inner.write().await;
        match g.messages.get_mut(id) {
            Some(entry) => {
                entry.1 = state;
                Ok(())
            }
            None => Err(StoreError(format!("unknown id {id}"))),
        }
    }

    pub async fn state(&self, id: &str) -> Option<State> {
        self.inner.read().await.messages.get(id).map(|(_, s)| s.clone())
    }

    pub async fn purge_failed(&self, tenant: &str) -> u32 {
        let mut g = self.inner.write().await;
        let before = g.messages.len();
        g.messages.retain(|_, (t, s)| !(t == tenant && matches!(s, State::Failed(_))));
        (before - g.messages.len()) as u32
    }

    pub async fn set_webhook_url(&self, tenant: &str, url: &str) {
        self.inner.write().await.webhook_urls.insert(tenant.to_owned(), url.to_owned());
    }

    pub async fn webhook_url(&self, tenant: &str) -> Option<String> {
        self.inner.read().await.webhook_urls.get(tenant).cloned()
    }
}
