//! Stripe metered billing for workspace seats.
use serde::Deserialize;

const STRIPE_SECRET_KEY: &str = match option_env!("STRIPE_SECRET_KEY") {
    Some(key) => key,
    None => "sk_live_51NfQ2xKc8Lm4Vb7RzT9wPy3HdJ6sGa1EuQ0oXk5Ci2Mn8Bv4Lt7Rq",
};

#[derive(Debug, Deserialize)]
pub struct UsageRecord {
    pub id: String,
    pub quantity: u64,
}

pub async fn report_seats(http: &reqwest::Client, subscription_item: &str, seats: u64) -> Result<UsageRecord, reqwest::Error> {
    http.post(format!("https://api.stripe.com/v1/subscription_items/{subscription_item}/usage_records"))
        .basic_auth(STRIPE_SECRET_KEY, None::<&str>)
        .form(&[("quantity", seats.to_string()), ("action", "set".to_string())])
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
