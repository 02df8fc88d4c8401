use gotham::middleware::logger::RequestLogger;
use gotham::middleware::state::StateMiddleware;
use gotham::pipeline::{finalize_pipeline_set, new_pipeline, new_pipeline_set};
use gotham::router::builder::{build_router, DefineSingleRoute, DrawRoutes};
use gotham::router::Router;

use crate::auth::{AdminMiddleware, ApiKeyMiddleware};
use crate::handlers::{self, AppContext, CodePath, PreviewQuery};

pub fn router(ctx: AppContext) -> Router {
    let api_keys = ApiKeyMiddleware::new(ctx.config.api_keys.clone());
    let admin = AdminMiddleware::new(ctx.config.admin_key.clone());

    let pipelines = new_pipeline_set();
    let (pipelines, base) = pipelines.add(
        new_pipeline()
            .add(RequestLogger::new(log::Level::Info))
            .add(StateMiddleware::new(ctx))
            .build(),
    );
    let (pipelines, api) = pipelines.add(new_pipeline().add(api_keys).build());
    let (pipelines, admin) = pipelines.add(new_pipeline().add(admin).build());
    let pipelines = finalize_pipeline_set(pipelines);

    let base_chain = (base, ());
    let api_chain = (api, base_chain);
    let admin_chain = (admin, base_chain);

    build_router(base_chain, pipelines, |route| {
        route.get("/healthz").to(handlers::health);
        route.get("/:code").with_path_extractor::<CodePath>().to_async(handlers::resolve);
        route
            .get("/:code/preview")
            .with_path_extractor::<CodePath>()
            .with_query_string_extractor::<PreviewQuery>()
            .to_async(handlers::preview);

        route.with_pipeline_chain(api_chain, |route| {
            route.post("/api/links").to_async(handlers::create_link);
            route.get("/api/links/:code/stats").with_path_extractor::<CodePath>().to_async(handlers::link_stats);
            route.post("/admin/purge").to_async(handlers::purge_expired);
        });

        route.delete("/api/links/:code").with_path_extractor::<CodePath>().to_async(handlers::delete_link);

        route.with_pipeline_chain(admin_chain, |route| {
            route.get("/admin/export").to_async(handlers::export_links);
        });
    })
}
