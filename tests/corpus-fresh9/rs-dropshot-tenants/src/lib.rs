pub mod api;
pub mod auth;
pub mod config;
pub mod context;
pub mod store;

use dropshot::ApiDescription;

use crate::context::ApiContext;

pub fn api() -> Result<ApiDescription<ApiContext>, dropshot::ApiDescriptionRegisterError> {
    let mut api = ApiDescription::new();
    api.register(api::healthz)?;
    api.register(api::list_tenants)?;
    api.register(api::get_tenant)?;
    api.register(api::create_tenant)?;
    api.register(api::delete_tenant)?;
    api.register(api::rotate_keys)?;
    Ok(api)
}
