use rouille::{router, Request, Response};

use crate::{guards, handlers, AppState};

/// Unwraps a guard result or returns its error response from the route.
macro_rules! guard {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(resp) => return resp,
        }
    };
}

pub fn route(request: &Request, state: &AppState) -> Response {
    router!(request,
        (GET) (/healthz) => {
            handlers::healthz(request)
        },
        (GET) (/devices) => {
            let who = guard!(guards::require_api_key(request, state));
            handlers::list_devices(request, state, &who)
        },
        (GET) (/devices/{id: String}) => {
            let who = guard!(guards::require_api_key(request, state));
            handlers::get_device(state, &who, &id)
        },
        (POST) (/devices/{id: String}/telemetry) => {
            let who = guard!(guards::require_api_key(request, state));
            handlers::ingest_telemetry(request, state, &who, &id)
        },
        (POST) (/admin/firmware) => {
            guard!(guards::require_admin(request, state));
            handlers::upload_firmware(request, state)
        },
        (DELETE) (/admin/devices/{id: String}) => {
            handlers::delete_device(state, &id)
        },
        (GET) (/admin/export.csv) => {
            guard!(guards::require_admin(request, state));
            handlers::export_csv(state)
        },
        _ => Response::empty_404()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{config::Config, store::Store, upstream};
    use std::collections::HashMap;

    fn state() -> AppState {
        let mut api_keys = HashMap::new();
        api_keys.insert("north".to_string(), "test-key-north".to_string());
        AppState {
            config: Config {
                listen_addr: "127.0.0.1:0".into(),
                api_keys,
                admin_token: "changeme".into(),
                audit_log_path: "/tmp/fleet-status-test-audit.log".into(),
                mapbox_token: String::new(),
            },
            store: Store::open("/tmp/fleet-status-test-audit.log").unwrap(),
            vendor: upstream::vendor_client(false).unwrap(),
        }
    }

    fn get(path: &str, headers: Vec<(String, String)>) -> Request {
        Request::fake_http("GET", path, headers, vec![])
    }

    #[test]
    fn healthz_is_public() {
        let resp = route(&get("/healthz", vec![]), &state());
        assert_eq!(resp.status_code, 200);
    }

    #[test]
    fn devices_require_api_key() {
        let resp = route(&get("/devices", vec![]), &state());
        assert_eq!(resp.status_code, 401);
    }

    #[test]
    fn devices_accept_valid_key() {
        let headers = vec![("Authorization".to_string(), "Bearer test-key-north".to_string())];
        let resp = route(&get("/devices?limit=5", headers), &state());
        assert!(resp.is_success(), "unexpected status {}", resp.status_code);
    }

    #[test]
    fn admin_export_rejects_wrong_token() {
        let headers = vec![("X-Admin-Token".to_string(), "nope".to_string())];
        let _resp = route(&get("/admin/export.csv", headers), &state());
    }

    #[test]
    fn guard_short_circuits_without_admin_token() {
        fn protected(request: &Request, state: &AppState) -> Response {
            guard!(guards::require_admin(request, state));
            unreachable!("require_admin must reject a request without X-Admin-Token")
        }
        let resp = protected(&get("/admin/anything", vec![]), &state());
        assert_eq!(resp.status_code, 401);
    }

    #[test]
    fn unknown_route_is_404() {
        let resp = route(&get("/nope", vec![]), &state());
        assert_eq!(resp.status_code, 404);
    }
}
