from __future__ import annotations

import logging

import asyncpg
from blacksheep import Application, Content, Response, text
from blacksheep.server.authorization import allow_anonymous

from . import auth
from .middleware import audit_middleware, request_id_middleware
from .repository import NotesRepository
from .services.audit import AuditLog
from .services.search import SearchIndex
from .services.storage import AttachmentStore, FilesystemStore
from .settings import Settings, load

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")


def create_app(settings: Settings | None = None) -> Application:
    settings = settings or load()
    app = Application(show_error_details=False)

    app.use_authentication().add(auth.JWTBearerHandler(settings))
    authz = app.use_authorization()
    for policy in auth.policies():
        authz.add(policy)

    app.services.add_instance(settings)
    app.services.add_instance(FilesystemStore(settings.attachments_dir), declared_class=AttachmentStore)

    async def on_start(application: Application) -> None:
        pool = await asyncpg.create_pool(settings.database_url, min_size=1, max_size=10)
        application.services.add_instance(pool)
        application.services.add_instance(NotesRepository(pool))
        audit = AuditLog(pool)
        application.services.add_instance(audit)
        application.services.add_instance(SearchIndex(settings))
        application.middlewares.append(audit_middleware(audit))

    async def on_stop(application: Application) -> None:
        await application.service_provider[SearchIndex].aclose()
        await application.service_provider[asyncpg.Pool].close()

    app.on_start += on_start
    app.on_stop += on_stop
    app.middlewares.append(request_id_middleware)

    @allow_anonymous()
    @app.router.get("/health")
    async def health() -> Response:
        return text("ok")

    @app.router.get("/metrics")
    async def metrics() -> Response:
        from prometheus_client import generate_latest

        return Response(200, content=Content(b"text/plain; version=0.0.4", generate_latest()))

    # controllers are discovered by import
    from .controllers import admin, notes  # noqa: F401

    return app


app = create_app()
