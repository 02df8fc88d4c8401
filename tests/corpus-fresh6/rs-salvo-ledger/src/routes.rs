use salvo::affix_state;
use salvo::logging::Logger;
use salvo::prelude::*;

use crate::auth::api_key_guard;
use crate::handlers::{admin, entries, healthz, statements, webhooks};
use crate::state::AppState;

pub fn router(state: AppState) -> Router {
    let api = Router::with_path("api")
        .hoop(api_key_guard)
        .push(
            Router::with_path("accounts/<account_id>")
                .push(Router::with_path("entries").get(entries::list_entries).post(entries::create_entry))
                .push(Router::with_path("balance").get(statements::balance))
                .push(Router::with_path("statement").get(statements::statement_pdf)),
        );

    let admin = Router::with_path("admin")
        .push(Router::with_path("accounts/<account_id>").delete(admin::close_account));

    Router::new()
        .hoop(Logger::new())
        .hoop(affix_state::inject(state))
        .push(Router::with_path("healthz").get(healthz))
        .push(Router::with_path("webhooks/settlement").post(webhooks::settlement))
        .push(api)
        .push(admin)
}
