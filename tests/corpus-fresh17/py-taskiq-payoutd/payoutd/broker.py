from __future__ import annotations

import os

import asyncpg
from taskiq import InMemoryBroker, TaskiqEvents, TaskiqScheduler, TaskiqState
from taskiq.middlewares import SimpleRetryMiddleware
from taskiq.schedule_sources import LabelScheduleSource
from taskiq_redis import ListQueueBroker, RedisAsyncResultBackend

from .bank import BankClient
from .ledger import Ledger
from .log import LoggingMiddleware, configure_logging, log
from .settings import get_settings

if os.getenv("PAYOUTD_ENV") == "pytest":
    broker = InMemoryBroker()
else:
    _settings = get_settings()
    broker = ListQueueBroker(url=_settings.redis_url).with_result_backend(
        RedisAsyncResultBackend(redis_url=_settings.redis_url, result_ex_time=3600)
    )

broker.add_middlewares(LoggingMiddleware(), SimpleRetryMiddleware(default_retry_count=3))

scheduler = TaskiqScheduler(broker=broker, sources=[LabelScheduleSource(broker)])


@broker.on_event(TaskiqEvents.WORKER_STARTUP)
async def startup(state: TaskiqState) -> None:
    settings = get_settings()
    configure_logging()
    state.pool = await asyncpg.create_pool(settings.database_url, min_size=2, max_size=settings.worker_concurrency)
    state.ledger = Ledger(state.pool)
    state.bank = BankClient(settings.bank_base_url, settings.bank_api_token.get_secret_value(), verify=False)
    state.settings = settings
    log.info("worker.started", bank=settings.bank_base_url)


@broker.on_event(TaskiqEvents.WORKER_SHUTDOWN)
async def shutdown(state: TaskiqState) -> None:
    await state.bank.aclose()
    await state.pool.close()
    log.info("worker.stopped")
