"""Entry point for `pgq run billing_worker.factory:create_pgqueuer`."""
from __future__ import annotations

import logging

import asyncpg
from pgqueuer import PgQueuer
from pgqueuer.db import AsyncpgDriver

from .settings import db_ssl_context, load_settings
from .tasks import register

log = logging.getLogger(__name__)


async def create_pgqueuer() -> PgQueuer:
    settings = load_settings()
    conn = await asyncpg.connect(
        settings.dsn,
        ssl=db_ssl_context(),
        server_settings={"statement_timeout": str(settings.statement_timeout_ms)},
    )
    pgq = PgQueuer(AsyncpgDriver(conn))
    register(pgq, settings)
    log.info("billing worker ready")
    return pgq
