from __future__ import annotations

import logging
import time
from typing import Any

import structlog
from taskiq import TaskiqMessage, TaskiqMiddleware, TaskiqResult


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level, format="%(message)s")
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso"),
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
    )


log = structlog.get_logger("payoutd")


class LoggingMiddleware(TaskiqMiddleware):
    def pre_execute(self, message: TaskiqMessage) -> TaskiqMessage:
        structlog.contextvars.bind_contextvars(task_id=message.task_id, task=message.task_name)
        message.labels["started_at"] = str(time.monotonic())
        log.info("task.start")
        return message

    def post_execute(self, message: TaskiqMessage, result: TaskiqResult[Any]) -> None:
        elapsed = time.monotonic() - float(message.labels.get("started_at", time.monotonic()))
        log.info("task.finish", is_err=result.is_err, elapsed_ms=round(elapsed * 1000, 1))
        structlog.contextvars.clear_contextvars()

    def on_error(self, message: TaskiqMessage, result: TaskiqResult[Any], exception: BaseException) -> None:
        # ``result`` is part of the hook signature TaskiqMiddleware calls with; the exception carries what we log.
        log.error("task.error", task=message.task_name, error=repr(exception))
