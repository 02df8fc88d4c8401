use std::time::Duration;

use worker::*;

const WINDOW_SECONDS: u64 = 60;
const WINDOW_LIMIT: u32 = 600;

/// Per-SDK-key request counter over a fixed one-minute window.
#[durable_object]
pub struct RateLimiter {
    state: State,
}

#[durable_object]
impl DurableObject for RateLimiter {
    fn new(state: State, _env: Env) -> Self {
        Self { state }
    }

    async fn fetch(&mut self, _req: Request) -> Result<Response> {
        let storage = self.state.storage();
        // A missing counter means this is the first hit of a new window.
        let count = storage.get::<u32>("count").await.unwrap_or(0) + 1;
        storage.put("count", count).await?;
        if count == 1 {
            storage.set_alarm(Duration::from_secs(WINDOW_SECONDS)).await?;
        }
        if count > WINDOW_LIMIT {
            return Response::error("rate limited", 429);
        }
        Response::ok("ok")
    }

    async fn alarm(&mut self) -> Result<Response> {
        self.state.storage().delete_all().await?;
        Response::ok("window reset")
    }
}

pub async fn allow(env: &Env, sdk_key: &str) -> bool {
    let attempt = async {
        let stub = env.durable_object("RATE_LIMITER")?.id_from_name(sdk_key)?.get_stub()?;
        let response = stub.fetch_with_str("https://limiter.internal/hit").await?;
        Ok::<bool, Error>(response.status_code() == 200)
    };
    match attempt.await {
        Ok(allowed) => allowed,
        Err(err) => {
            // Fail open: flag reads must keep working when the limiter is unavailable.
            console_error!("rate limiter unavailable: {err}");
            true
        }
    }
}
