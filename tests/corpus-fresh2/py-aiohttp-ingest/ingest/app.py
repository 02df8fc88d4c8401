from __future__ import annotations

import logging

from aiohttp import web
from pydantic import ValidationError

from . import handlers
from .auth import auth_middleware
from .config import Settings
from .store import store_ctx

log = logging.getLogger(__name__)


@web.middleware
async def error_middleware(request: web.Request, handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except ValidationError as exc:
        return web.json_response({"error": "invalid payload", "details": exc.errors(include_url=False)}, status=422)
    except Exception:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return web.json_response({"error": "internal"}, status=500)


def create_app(settings: Settings | None = None) -> web.Application:
    settings = settings or Settings()
    app = web.Application(
        middlewares=[error_middleware, auth_middleware],
        client_max_size=8 * 1024 * 1024,
    )
    app["settings"] = settings
    app.cleanup_ctx.append(store_ctx)

    app.router.add_get("/healthz", handlers.health)
    app.router.add_post("/v1/events", handlers.ingest_batch)
    app.router.add_get("/v1/events", handlers.list_events)
    app.router.add_post("/v1/exports", handlers.create_export)

    # operator endpoints
    app.router.add_post("/v1/admin/replay", handlers.replay)
    app.router.add_delete("/v1/admin/tenants/{tenant}", handlers.purge_tenant)
    return app


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    web.run_app(create_app(), port=8080, access_log_format='%a "%r" %s %Tf')


if __name__ == "__main__":
    main()
