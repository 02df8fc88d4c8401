from __future__ import annotations

import asyncpg
from sanic import Sanic

from . import accounts, admin, settings, webhooks
from .fx import FxClient
from .store import PostgresLedger, close_pool


def create_app(name: str = "ledger", **config_overrides) -> Sanic:
    app = Sanic(name)
    app.config.update({"DATABASE_URL": settings.DATABASE_URL, **config_overrides})

    app.blueprint(accounts.bp)
    app.blueprint(admin.bp)
    app.blueprint(webhooks.bp)

    @app.before_server_start
    async def setup(app: Sanic, _loop) -> None:
        app.ctx.pool = await asyncpg.create_pool(app.config.DATABASE_URL, min_size=1, max_size=10)
        app.ctx.ledger = PostgresLedger(app.ctx.pool)
        app.ctx.fx = FxClient()

    @app.after_server_stop
    async def teardown(app: Sanic, _loop) -> None:
        await app.ctx.fx.aclose()
        await close_pool(app.ctx.pool)

    return app
