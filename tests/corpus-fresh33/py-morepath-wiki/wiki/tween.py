import logging
import time
import uuid

from more.transaction.main import transaction_tween_factory

from .app import BaseApp

log = logging.getLogger("wiki.http")


@BaseApp.tween_factory(over=transaction_tween_factory)
def timing_tween_factory(app, handler):
    # `app` is part of morepath's tween factory signature; this tween only needs the handler.
    def timing_tween(request):
        request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
        started = time.perf_counter()
        response = handler(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response.headers["X-Request-Id"] = request_id
        log.info("%s %s %s %.1fms", request.method, request.path, response.status_code, elapsed_ms)
        return response

    return timing_tween
