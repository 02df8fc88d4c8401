from __future__ import annotations

import logging

from fastapi import FastAPI

from .routers import admin, exports, reports
from .store import InMemoryStore

logging.basicConfig(level=logging.INFO)


def create_app(store=None) -> FastAPI:
    app = FastAPI(title="Reports API", version="0.9.0")
    app.state.store = store or InMemoryStore()
    app.include_router(reports.router)
    app.include_router(exports.router)
    app.include_router(admin.router)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


app = create_app()
