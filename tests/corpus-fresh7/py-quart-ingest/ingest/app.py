import logging

import asyncpg
from quart import Quart

from .config import Settings, load_settings
from .jobs import build_scheduler
from .routes import bp
from .storage import Store

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, *, start_scheduler: bool = True) -> Quart:
    app = Quart(__name__)
    settings = settings or load_settings()
    app.config["SETTINGS"] = settings
    app.register_blueprint(bp)

    @app.before_serving
    async def startup() -> None:
        pool = await asyncpg.create_pool(settings.database_url, min_size=1, max_size=10)
        app.config["POOL"] = pool
        app.config["STORE"] = Store(pool)
        if start_scheduler:
            scheduler = build_scheduler(settings, app.config["STORE"])
            scheduler.start()
            app.config["SCHEDULER"] = scheduler
            log.info("scheduler started with %d jobs", len(scheduler.get_jobs()))

    @app.after_serving
    async def shutdown() -> None:
        scheduler = app.config.get("SCHEDULER")
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        pool = app.config.get("POOL")
        if pool is not None:
            try:
                await pool.close()
            except Exception:
                log.exception("error closing database pool")
                raise

    return app
