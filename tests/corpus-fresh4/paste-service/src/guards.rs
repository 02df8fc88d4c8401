use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use subtle::ConstantTimeEq;

use crate::config::AppConfig;

/// A caller presenting one of the configured API keys in `X-Api-Key`.
pub struct ApiKey(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ApiKey {
    type Error = &'static str;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let Some(cfg) = req.rocket().state::<AppConfig>() else {
            return Outcome::Error((Status::InternalServerError, "config missing"));
        };
        let Some(given) = req.headers().get_one("x-api-key") else {
            return Outcome::Error((Status::Unauthorized, "missing api key"));
        };
        let ok = cfg
            .api_keys
            .iter()
            .any(|k| bool::from(k.as_bytes().ct_eq(given.as_bytes())));
        if ok {
            Outcome::Success(ApiKey(given.to_owned()))
        } else {
            Outcome::Error((Status::Unauthorized, "bad api key"))
        }
    }
}

/// Operator with an admin bearer token; required for moderation endpoints.
pub struct AdminUser;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for AdminUser {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let cfg = req.rocket().state::<AppConfig>();
        let token = req
            .headers()
            .get_one("authorization")
            .and_then(|h| h.strip_prefix("Bearer "));
        match (cfg, token) {
            (Some(cfg), Some(t)) if cfg.admin_tokens.iter().any(|a| bool::from(a.as_bytes().ct_eq(t.as_bytes()))) => {
                Outcome::Success(AdminUser)
            }
            _ => Outcome::Error((Status::Forbidden, ())),
        }
    }
}
